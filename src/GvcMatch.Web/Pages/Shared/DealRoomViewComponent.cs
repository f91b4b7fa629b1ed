using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Ndas;
using GvcMatch.Web.Features.ProtectedDocuments;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GvcMatch.Web.Pages.Shared;

/// <summary>
/// The NDA gate and the protected documents on a requirement or IP listing page: the other side reads
/// the NDA made out to it and accepts it (or opens a conversation to propose changes), then sees which
/// documents open for it; the owner gets a link to manage both.
/// </summary>
public sealed class DealRoomViewComponent(AppDbContext db, NdaService ndas, ProtectedDocumentService documents) : ViewComponent
{
    public sealed record Room(NdaSubject Subject, int SubjectId, NdaGateDto Gate, IReadOnlyList<ProtectedDocumentDto> Documents, bool CanStartConversation)
    {
        public string Segment => NdaSubjects.Segment(Subject);
    }

    public async Task<IViewComponentResult> InvokeAsync(NdaSubject subject, int id)
    {
        var ct = HttpContext.RequestAborted;
        var actor = await UserClaimsPrincipal.GetActorAsync(db, ct);
        if (actor?.OrganizationId is null) return Content("");
        var gate = await ndas.GateAsync(actor, subject, id, ct);
        var docs = await documents.ListAsync(actor, subject, id, ct);
        if (gate.Refusal is not null || docs.Refusal is not null) return Content("");
        if (!gate.Value!.IsOwner && !gate.Value.Required && docs.Value!.Count == 0) return Content("");
        // Only SMEs start a conversation about a requirement (buyers do it from a match); anyone may about an IP listing.
        // In a conversation, changes are proposed right there.
        var canTalk = !gate.Value.IsOwner && (subject == NdaSubject.IpListing || (subject == NdaSubject.Requirement && actor.IsSme));
        return View(new Room(subject, id, gate.Value, docs.Value!, canTalk));
    }
}
