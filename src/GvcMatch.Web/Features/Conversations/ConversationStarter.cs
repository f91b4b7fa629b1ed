using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Consortia;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>Why a conversation cannot be started: 400 (with the field), 403 or 404.</summary>
public sealed record StartRefusal(int Status, string Field, string Detail);

/// <summary>Who the conversation is with, about what, and the key that makes starting it idempotent.</summary>
public sealed record StartPlan(ConversationTopic Topic, int? AboutId, int Counterpart, string PairKey, string Subject)
{
    /// <summary>Set when the starter's side is a consortium (see <see cref="Conversation.ConsortiumId"/>).</summary>
    public int? ConsortiumId { get; init; }

    /// <summary>The other organisations on the starter's side: a consortium's accepted members.</summary>
    public IReadOnlyList<int> OwnSide { get; init; } = [];
}

/// <summary>
/// The starting rules. Requirement: an SME opens a conversation with the MNE that published the
/// requirement. Match: that MNE opens one with an SME about its own requirement; both share one
/// pair key, so whoever starts first, both land in the same conversation. IpListing: anyone but
/// the owner contacts the owner of a published listing. Direct: any organisation but your own.
/// A consortium (<see cref="PlanConsortiumAsync"/>) talks to the buyer as one party.
/// </summary>
public static class ConversationStarter
{
    public static async Task<(StartPlan? Plan, StartRefusal? Refusal)> PlanAsync(AppDbContext db, Actor actor, StartConversationRequest request, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } own) return Refuse(403, "organizationId", "Join an organisation before starting a conversation.");
        if (request.Topic is not { } topic || !Enum.IsDefined(topic)) return Refuse(400, "topic", "Topic is Requirement, Match, IpListing or Direct.");
        var ownName = await db.Organizations.Where(o => o.Id == own).Select(o => o.Name).FirstAsync(ct);

        switch (topic)
        {
            case ConversationTopic.Requirement:
            {
                if (request.AboutId is not { } reqId) return Refuse(400, "aboutId", "Name the requirement (aboutId).");
                var req = await db.Requirements.AsNoTracking().Where(r => r.Id == reqId && r.Status == RequirementStatus.Published)
                    .Select(r => new { r.Id, r.Title, r.OrganizationId }).FirstOrDefaultAsync(ct);
                if (req is null) return Refuse(404, "aboutId", "The requirement was not found among published requirements.");
                if (!actor.IsSme) return Refuse(403, "topic", "Only SMEs start a conversation about a requirement; buyers start one from a match.");
                if (request.OrganizationId is { } other && other != req.OrganizationId)
                    return Refuse(400, "organizationId", "A requirement conversation is with the organisation that published it.");
                return Plan(topic, req.Id, req.OrganizationId, RequirementKey(req.Id, own, req.OrganizationId), req.Title);
            }
            case ConversationTopic.Match:
            {
                if (request.AboutId is not { } reqId) return Refuse(400, "aboutId", "Name your requirement (aboutId).");
                if (request.OrganizationId is not { } smeId) return Refuse(400, "organizationId", "Name the SME (organizationId).");
                var req = await db.Requirements.AsNoTracking().Where(r => r.Id == reqId)
                    .Select(r => new { r.Id, r.Title, r.OrganizationId, r.Status }).FirstOrDefaultAsync(ct);
                if (req is null || (req.Status == RequirementStatus.Draft && req.OrganizationId != own))
                    return Refuse(404, "aboutId", "The requirement was not found.");
                if (req.OrganizationId != own) return Refuse(403, "aboutId", "Only the buyer that owns the requirement starts a conversation from its matches.");
                if (req.Status == RequirementStatus.Draft) return Refuse(400, "aboutId", "Publish the requirement before contacting suppliers about it.");
                var sme = await db.Organizations.AsNoTracking().Where(o => o.Id == smeId).Select(o => new { o.Id, o.Kind }).FirstOrDefaultAsync(ct);
                if (sme is null) return Refuse(404, "organizationId", "The organisation was not found.");
                if (sme.Id == own) return Refuse(400, "organizationId", "You cannot start a conversation with your own organisation.");
                if (sme.Kind != OrganizationKind.Sme) return Refuse(400, "organizationId", "A match conversation is with an SME.");
                return Plan(topic, req.Id, sme.Id, RequirementKey(req.Id, own, sme.Id), req.Title);
            }
            case ConversationTopic.IpListing:
            {
                if (request.AboutId is not { } listingId) return Refuse(400, "aboutId", "Name the IP listing (aboutId).");
                var listing = await db.IpListings.AsNoTracking().Where(i => i.Id == listingId && i.Status == PublicationStatus.Published)
                    .Select(i => new { i.Id, i.Title, i.OrganizationId }).FirstOrDefaultAsync(ct);
                if (listing is null) return Refuse(404, "aboutId", "The IP listing was not found among published listings.");
                if (listing.OrganizationId == own) return Refuse(400, "aboutId", "This is your own organisation's listing.");
                if (request.OrganizationId is { } other && other != listing.OrganizationId)
                    return Refuse(400, "organizationId", "A listing conversation is with the organisation that owns the listing.");
                return Plan(topic, listing.Id, listing.OrganizationId, $"I:{listing.Id}:{Pair(own, listing.OrganizationId)}", listing.Title);
            }
            default:
            {
                if (request.AboutId is not null) return Refuse(400, "aboutId", "A direct conversation is about nothing in particular: leave aboutId out.");
                if (request.OrganizationId is not { } otherId) return Refuse(400, "organizationId", "Name the organisation (organizationId).");
                var other = await db.Organizations.AsNoTracking().Where(o => o.Id == otherId).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
                if (other is null) return Refuse(404, "organizationId", "The organisation was not found.");
                if (other.Id == own) return Refuse(400, "organizationId", "You cannot start a conversation with your own organisation.");
                return Plan(topic, null, other.Id, $"D:{Pair(own, other.Id)}", $"{ownName} and {other.Name}");
            }
        }
    }

    /// <summary>
    /// A consortium talks to the buyer as one party: any accepted member opens the consortium's
    /// conversation about its requirement, with every accepted member on the consortium's side. The
    /// pair key names the consortium, not an SME, so it is never the lead SME's own conversation
    /// with the buyer about the same requirement.
    /// </summary>
    public static async Task<(StartPlan? Plan, StartRefusal? Refusal)> PlanConsortiumAsync(AppDbContext db, Actor actor, int consortiumId, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } own) return Refuse(403, "organizationId", "Join an organisation before starting a conversation.");
        var consortium = await db.Consortia.AsNoTracking().Where(c => c.Id == consortiumId)
            .Select(c => new { c.Id, c.Name, c.RequirementId, c.Status, Members = c.Members.Where(m => m.Status == ConsortiumMemberStatus.Accepted).Select(m => m.OrganizationId).ToList() })
            .FirstOrDefaultAsync(ct);
        if (consortium is null || !consortium.Members.Contains(own)) return Refuse(404, "consortiumId", "The consortium was not found.");
        if (consortium.Status == ConsortiumStatus.Dissolved) return Refuse(400, "consortiumId", "The consortium has been dissolved.");
        var req = await db.Requirements.AsNoTracking().Where(r => r.Id == consortium.RequirementId && r.Status == RequirementStatus.Published)
            .Select(r => new { r.Id, r.Title, r.OrganizationId }).FirstOrDefaultAsync(ct);
        if (req is null) return Refuse(400, "consortiumId", "The consortium's requirement is no longer published.");
        var (plan, _) = Plan(ConversationTopic.Requirement, req.Id, req.OrganizationId, $"R:{req.Id}:C{consortium.Id}", $"{consortium.Name}: {req.Title}");
        return (plan! with { ConsortiumId = consortium.Id, OwnSide = consortium.Members }, null);
    }

    /// <summary>Requirement and Match conversations between the same two organisations are one conversation.</summary>
    private static string RequirementKey(int requirementId, int a, int b) => $"R:{requirementId}:{Pair(a, b)}";

    private static string Pair(int a, int b) => a < b ? $"{a}-{b}" : $"{b}-{a}";

    private static (StartPlan?, StartRefusal?) Plan(ConversationTopic topic, int? aboutId, int counterpart, string key, string subject) =>
        (new StartPlan(topic, aboutId, counterpart, key, subject.Length <= MessageLimits.Subject ? subject : subject[..(MessageLimits.Subject - 1)] + "…"), null);

    private static (StartPlan?, StartRefusal?) Refuse(int status, string field, string detail) => (null, new StartRefusal(status, field, detail));

    /// <summary>
    /// Opens the planned conversation, or finds the one that already exists. Two simultaneous
    /// starts meet at the unique pair key: the loser reads the winner's row.
    /// </summary>
    public static async Task<(long Id, bool Created)> OpenAsync(AppDbContext db, ConversationMessaging messaging, ConversationStore store, Actor actor, StartPlan plan, TimeProvider clock, CancellationToken ct)
    {
        var existing = await db.Set<Conversation>().Where(c => c.PairKey == plan.PairKey).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is { } found) return (found, false);

        var own = actor.OrganizationId!.Value;
        var now = clock.GetUtcNow();
        var conversation = new Conversation
        {
            Topic = plan.Topic, AboutId = plan.AboutId, PairKey = plan.PairKey, Subject = plan.Subject,
            CreatedAt = now, LastMessageAt = now, CreatedByUserId = actor.UserId, ConsortiumId = plan.ConsortiumId,
            Parties = [.. plan.OwnSide.Append(own).Append(plan.Counterpart).Distinct().Select(o => new ConversationParty { OrganizationId = o, JoinedAt = now })],
        };
        db.Add(conversation);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.Set<Conversation>().Where(c => c.PairKey == plan.PairKey).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
            if (winner is null) throw;
            return (winner.Value, false);
        }
        db.ChangeTracker.Clear();

        var ownName = await db.Organizations.Where(o => o.Id == own).Select(o => o.Name).FirstAsync(ct);
        // Written directly rather than through the batching writer, with the starter named as its
        // cause, so the starter is not told about their own conversation.
        var started = await store.AppendNowAsync(conversation.Id, null, new NewMessage(MessageKind.System, $"Conversation started by {ownName}"), ct,
            actingUserId: actor.UserId);
        // The starter has seen the opening line; the other side has it as their first unread.
        db.Add(new ConversationUserState { ConversationId = conversation.Id, UserId = actor.UserId, LastReadSeq = started.Message.Seq });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await messaging.PublishAsync(started.Message, ct);
        return (conversation.Id, true);
    }
}
