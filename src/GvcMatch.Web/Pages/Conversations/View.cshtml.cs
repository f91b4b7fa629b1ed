using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Offers;
using GvcMatch.Web.Infrastructure;
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
public sealed class ViewModel(AppDbContext db, ConversationMessaging messaging) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The texts negotiation.js writes (live messages, offer cards, states), sent with the page in its language.</summary>
    public static readonly string[] ScriptTexts =
    [
        "Something went wrong.", "Not connected. It will be sent when the connection is back.", "Member", "Someone", "Seen",
        "Offer #{0}", "Offer #{0} (counter to #{1})", "New offer",
        "Proposed", "Countered", "Accepted", "Rejected", "Withdrawn", "Expired",
        "Unit price", "Quantity", "Lead time", "Delivery", "Payment", "Valid until", "Notes", "1 day", "{0} days",
        "Agreement summary", "Accept", "Counter", "Reject", "Withdraw",
        "Accept offer #{0}", "Counter offer #{0}", "Reject offer #{0}", "Withdraw offer #{0}",
        "{0} is typing…", "{0} and {1} are typing…", "Sending…", "Not sent: {0}", "Retry",
        "Choose a file first.", "The file was not sent: {0}", "The file was not sent: no connection.",
        "Live", "Connecting…", "Reconnecting…", "Offline",
        // Licence term sheets (negotiation.js renders their cards and form).
        "Licence term sheet #{0}", "Licence term sheet #{0} (counter to #{1})", "New licence term sheet", "Heads of terms (PDF)",
        "Deal", "Field of use", "Territory", "Term", "{0} years", "Sublicensing", "Allowed", "Not allowed", "Improvements belong to",
        "Royalty", "Lump sum", "Milestones", "Exclusive licence", "Sole licence", "Non exclusive licence", "Sale", "Co development",
        "Licensor", "Licensee", "Joint", "Each owns its own",
        // Protected attachments (under the conversation's NDA).
        "Protected", "Access revoked",
    ];

    public Conversation Conversation { get; private set; } = null!;
    public IReadOnlyList<PartyView> Parties { get; private set; } = [];
    public IReadOnlyList<MessageDto> Messages { get; private set; } = [];
    public IReadOnlyDictionary<long, OfferDto> Offers { get; private set; } = new Dictionary<long, OfferDto>();
    public bool HasEarlier { get; private set; }
    public bool IsLatestPage { get; private set; }
    public Participant Me { get; private set; } = null!;

    /// <summary>How far the other organisations' members have read: the initial "Seen" mark.</summary>
    public long OtherReadSeq { get; private set; }

    /// <summary>Colleagues' user ids: their reads are not the other party's receipts.</summary>
    public IReadOnlyList<string> OwnOrganizationUserIds { get; private set; } = [];

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? ClientMessageId { get; set; }
    public string? SendError { get; private set; }

    /// <summary>Opening the latest page is reading it: the other side gets its receipt, the badge its count.</summary>
    public async Task<IActionResult> OnGetAsync(long id, long? before, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(User, id, db, ct);
        if (who is null) return NotFound();
        await LoadAsync(who, before, ct);
        if (IsLatestPage && Conversation.LastSeq > 0) await messaging.MarkReadAsync(who, Conversation.LastSeq, ct);
        return Page();
    }

    /// <summary>The no-script way to send: the same checks, store and broadcast as the hub, then back to the page.</summary>
    public async Task<IActionResult> OnPostSendAsync(long id, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(User, id, db, ct);
        if (who is null) return NotFound();
        var body = Body?.Trim();
        var errors = MessageRules.Check(ClientMessageId, body, bodyRequired: true);
        if (errors.Any)
        {
            SendError = string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value));
            await LoadAsync(who, null, ct);
            return Page();
        }
        var sent = await messaging.SendAsync(who, new NewMessage(MessageKind.Text, body!, ClientMessageId!.Trim()), ct);
        return Redirect($"/Conversations/{id}#msg-{sent.Message.Seq}");
    }

    private async Task LoadAsync(Participant who, long? before, CancellationToken ct)
    {
        Me = who;
        var id = who.ConversationId;
        Conversation = await db.Set<Conversation>().AsNoTracking().SingleAsync(c => c.Id == id, ct);
        Parties = (await ConversationQueries.PartiesAsync(db, [id], ct)).GetValueOrDefault(id, [])
            .Select(p => new PartyView(p.OrganizationId, p.Name, p.OrganizationId == who.OrganizationId))
            .OrderBy(p => p.IsMine).ThenBy(p => p.Name).ToList();

        IsLatestPage = before is not { } b || b > Conversation.LastSeq;
        var page = await ConversationQueries.HistoryAsync(db, id, null, IsLatestPage ? null : before, PageSize, ct);
        Messages = page.Messages;
        HasEarlier = page.HasMore;

        var offerIds = Messages.Where(m => m.OfferId is not null).Select(m => m.OfferId!.Value).Distinct().ToList();
        Offers = (await db.Set<Offer>().AsNoTracking().Where(o => o.ConversationId == id && offerIds.Contains(o.Id)).ToListAsync(ct))
            .ToDictionary(o => o.Id, OfferDto.From);

        OwnOrganizationUserIds = await db.Users.Where(u => u.OrganizationId == who.OrganizationId).Select(u => u.Id).ToListAsync(ct);
        OtherReadSeq = await db.Set<ConversationUserState>()
            .Where(s => s.ConversationId == id && db.Users.Any(u => u.Id == s.UserId && u.OrganizationId != who.OrganizationId))
            .MaxAsync(s => (long?)s.LastReadSeq, ct) ?? 0;
    }

    public string? AboutLink => Conversation.Topic switch
    {
        ConversationTopic.Requirement or ConversationTopic.Match when Conversation.AboutId is { } r => $"/Requirements/{r}",
        ConversationTopic.IpListing when Conversation.AboutId is { } ip => $"/Ip/{ip}",
        _ => null,
    };

    public bool IsOwn(MessageDto m) => m.SenderUserId == Me.UserId;
}
