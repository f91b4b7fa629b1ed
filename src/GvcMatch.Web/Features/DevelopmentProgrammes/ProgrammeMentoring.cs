using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>
/// Mentoring happens in a conversation between the runner and one enrolled SME, opened from the
/// programme by either side through the conversations' own starter. Its pair key names the
/// programme and the SME, so both sides land in the same conversation whoever opens it first, and
/// it is never their other conversations.
/// </summary>
public sealed class ProgrammeMentoring(AppDbContext db, ConversationStore store, ConversationMessaging messaging, TimeProvider clock)
{
    public async Task<Outcome<ConversationOpenedDto>> OpenAsync(Actor? actor, int programmeId, int enrolmentId, CancellationToken ct)
    {
        var found = await (from e in db.Set<ProgrammeEnrolment>()
                           join p in db.Set<DevelopmentProgramme>() on e.ProgrammeId equals p.Id
                           join o in db.Organizations on e.OrganizationId equals o.Id
                           where e.Id == enrolmentId && p.Id == programmeId
                           select new { Runner = p.OrganizationId, Sme = e.OrganizationId, e.Status, p.Title, o.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        var isRunner = found is not null && Access.IsMember(actor, found.Runner);
        var isSme = found is not null && Access.IsMember(actor, found.Sme);
        if (found is null || !(isRunner || isSme)) return Refusal.NotFound("The enrolment");
        if (found.Status != EnrolmentStatus.Accepted) return Refusal.Conflict("Mentoring starts once the SME has accepted its enrolment.");
        var subject = $"{found.Title}: {found.Name}";
        var plan = new StartPlan(ConversationTopic.Direct, null, isRunner ? found.Sme : found.Runner, $"P:{programmeId}:{found.Sme}",
            subject.Length <= MessageLimits.Subject ? subject : subject[..(MessageLimits.Subject - 1)] + "…");
        var (id, created) = await ConversationStarter.OpenAsync(db, messaging, store, actor!, plan, clock, ct);
        return new ConversationOpenedDto(id, created);
    }
}
