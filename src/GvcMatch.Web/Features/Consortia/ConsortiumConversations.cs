using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// The consortium negotiates as one party: its conversation with the buyer has the buyer and every
/// accepted member as parties. Conversations decide who reads by their party rows alone, so keeping
/// those rows in step is all it takes for a new member to read (and receive live) and for a member
/// that left to stop at once.
/// </summary>
public sealed class ConsortiumConversations(AppDbContext db, ConversationStore store, ConversationMessaging messaging, TimeProvider clock)
{
    /// <summary>Opens the consortium's conversation with the buyer (or finds it), for an accepted member.</summary>
    public async Task<Outcome<ConsortiumConversationDto>> StartAsync(Actor actor, int consortiumId, CancellationToken ct)
    {
        var (plan, refusal) = await ConversationStarter.PlanConsortiumAsync(db, actor, consortiumId, ct);
        if (refusal is not null)
        {
            return refusal.Status switch
            {
                400 => Outcome.Invalid<ConsortiumConversationDto>(refusal.Field, refusal.Detail),
                404 => Outcome.NotFound<ConsortiumConversationDto>("The consortium"),
                _ => Outcome.Forbidden<ConsortiumConversationDto>(refusal.Detail),
            };
        }
        var (id, created) = await ConversationStarter.OpenAsync(db, messaging, store, actor, plan!, clock, ct);
        // A member that accepted while the conversation was being opened is added here.
        await SyncAsync(consortiumId, null, joined: true, ct);
        return Outcome.Done(new ConsortiumConversationDto(id, created));
    }

    /// <summary>The consortium's conversation, when one was started.</summary>
    public Task<long?> FindAsync(int consortiumId, CancellationToken ct) =>
        db.Set<Conversation>().Where(c => c.ConsortiumId == consortiumId).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Makes the parties of the consortium's conversations the buyer plus the accepted members, and
    /// says in the conversation who joined or left (<paramref name="changed"/>; null to only repair).
    /// </summary>
    public async Task SyncAsync(int consortiumId, int? changed, bool joined, CancellationToken ct)
    {
        var conversationIds = await db.Set<Conversation>().Where(c => c.ConsortiumId == consortiumId).Select(c => c.Id).ToListAsync(ct);
        if (conversationIds.Count == 0) return;
        var buyer = await db.Consortia.Where(c => c.Id == consortiumId)
            .Join(db.Requirements, c => c.RequirementId, r => r.Id, (c, r) => r.OrganizationId).FirstAsync(ct);
        var wanted = await db.ConsortiumMembers.Where(m => m.ConsortiumId == consortiumId && m.Status == ConsortiumMemberStatus.Accepted)
            .Select(m => m.OrganizationId).ToListAsync(ct);
        wanted.Add(buyer);

        var now = clock.GetUtcNow();
        var touched = new List<long>();
        foreach (var conversationId in conversationIds)
        {
            var parties = await db.Set<ConversationParty>().Where(p => p.ConversationId == conversationId).ToListAsync(ct);
            var stale = parties.Where(p => !wanted.Contains(p.OrganizationId)).ToList();
            var missing = wanted.Except(parties.Select(p => p.OrganizationId)).ToList();
            if (stale.Count == 0 && missing.Count == 0) continue;
            db.RemoveRange(stale);
            db.AddRange(missing.Select(o => new ConversationParty { ConversationId = conversationId, OrganizationId = o, JoinedAt = now }));
            touched.Add(conversationId);
        }
        if (touched.Count == 0) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request added the same party a moment ago: the rows are as wanted either way.
            db.ChangeTracker.Clear();
            return;
        }
        db.ChangeTracker.Clear();
        if (changed is not { } org) return;

        var name = await db.Organizations.Where(o => o.Id == org).Select(o => o.Name).FirstAsync(ct);
        var line = joined ? $"{name} joined the consortium and takes part in this conversation" : $"{name} left the consortium and no longer takes part";
        foreach (var conversationId in touched)
        {
            // Written directly, as the conversation's opening line is, and published here: a system
            // line is rare and needs none of the batching writer's burst handling.
            var appended = await store.AppendNowAsync(conversationId, null, new NewMessage(MessageKind.System, line), ct);
            await messaging.PublishAsync(appended.Message, ct);
        }
    }
}
