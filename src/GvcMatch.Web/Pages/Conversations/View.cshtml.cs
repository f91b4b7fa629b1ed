using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Pages.Conversations;

public sealed record PartyView(int OrganizationId, string Name, bool IsMine);

/// <summary>
/// One conversation. The history is rendered on the server (readable without JavaScript); the
/// script then joins the hub for live messages, typing, receipts and offers. A plain form post
/// sends a message when the script is not running.
/// </summary>
[Authorize]
public sealed class ViewModel(AppDbContext db, ConversationStore store, IHubContext<NegotiationHub, INegotiationClient> hub) : PageModel
{
    public const int PageSize = 50;

    public Conversation Conversation { get; private set; } = null!;
    public IReadOnlyList<PartyView> Parties { get; private set; } = [];
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];
    public IReadOnlyDictionary<long, OfferDto> Offers { get; private set; } = new Dictionary<long, OfferDto>();
    public bool HasEarlier { get; private set; }
    public bool IsLatestPage { get; private set; }
    public Actor Actor { get; private set; } = null!;

    /// <summary>How far the other organisations' members have read: the initial "Seen" mark.</summary>
    public long OtherReadSeq { get; private set; }

    /// <summary>Colleagues' user ids: their reads are not the other party's receipts.</summary>
    public IReadOnlyList<string> OwnOrganizationUserIds { get; private set; } = [];

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? ClientMessageId { get; set; }
    public string? SendError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct) =>
        await LoadAsync(id, before, ct) ? Page() : NotFound();

    /// <summary>The no-script way to send: the same store and broadcast as the hub, then back to the page.</summary>
    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || !await store.IsPartyAsync(id, actor.OrganizationId, ct)) return NotFound();
        var body = Body?.Trim() ?? "";
        var clientId = string.IsNullOrWhiteSpace(ClientMessageId) ? Guid.NewGuid().ToString("N") : ClientMessageId.Trim();
        SendError = body.Length == 0 ? "Write a message first."
            : body.Length > MessageLimits.Body ? $"A message is at most {MessageLimits.Body} characters (this one has {body.Length})."
            : clientId.Length > MessageLimits.ClientMessageId ? "The form was tampered with; reload the page."
            : null;
        if (SendError is not null)
        {
            await LoadAsync(id, null, ct);
            return Page();
        }
        var sent = await ConversationMessages.SendTextAsync(db, store, hub, id, actor, clientId, body, ct);
        return Redirect($"/Conversations/{id}#msg-{sent.Seq}");
    }

    private async Task<bool> LoadAsync(long id, long? before, CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null || !await store.IsPartyAsync(id, actor.OrganizationId, ct)) return false;
        Actor = actor;
        Conversation = await db.Set<Conversation>().AsNoTracking().Include(c => c.Parties).SingleAsync(c => c.Id == id, ct);

        var partyIds = Conversation.Parties.Select(p => p.OrganizationId).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => partyIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        Parties = partyIds.Select(o => new PartyView(o, names.GetValueOrDefault(o, "?"), o == actor.OrganizationId))
            .OrderBy(p => p.IsMine).ThenBy(p => p.Name).ToList();

        var upTo = before is { } b && b > 0 ? b : long.MaxValue;
        IsLatestPage = upTo > Conversation.LastSeq;
        var rows = await db.Set<Message>().AsNoTracking()
            .Where(m => m.ConversationId == id && m.Seq < upTo)
            .OrderByDescending(m => m.Seq).Take(PageSize + 1).ToListAsync(ct);
        HasEarlier = rows.Count > PageSize;
        rows = rows.Take(PageSize).OrderBy(m => m.Seq).ToList();
        Messages = await ConversationMessages.ToDtosAsync(db, rows, ct);

        var offerIds = rows.Where(m => m.OfferId is not null).Select(m => m.OfferId!.Value).Distinct().ToList();
        Offers = (await db.Set<Offer>().AsNoTracking().Where(o => o.ConversationId == id && offerIds.Contains(o.Id)).ToListAsync(ct))
            .ToDictionary(o => o.Id, OfferDto.From);

        OwnOrganizationUserIds = await db.Users.Where(u => u.OrganizationId == actor.OrganizationId).Select(u => u.Id).ToListAsync(ct);
        OtherReadSeq = await db.Set<ConversationUserState>()
            .Where(s => s.ConversationId == id && db.Users.Any(u => u.Id == s.UserId && u.OrganizationId != actor.OrganizationId))
            .MaxAsync(s => (long?)s.LastReadSeq, ct) ?? 0;
        return true;
    }

    public string? AboutLink => Conversation.Topic switch
    {
        ConversationTopic.Requirement or ConversationTopic.Match when Conversation.AboutId is { } r => $"/Requirements/{r}",
        ConversationTopic.IpListing when Conversation.AboutId is { } ip => $"/Ip/{ip}",
        _ => null,
    };

    public bool IsOwn(MessageDto m) => m.SenderUserId == Actor.UserId;
}
