using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Conversations;

/// <summary>The batching writer: many messages at once, copies of one send among them, in several conversations.</summary>
public abstract class MessageWriterTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task Copies_racing_in_one_burst_store_once_and_every_conversation_numbers_without_gaps()
    {
        var (sme1, mne1, first) = await app.PairAsync();
        var (sme2, _, second) = await app.PairAsync();
        var writer = app.Services.GetRequiredService<MessageWriter>();
        Assert.True(writer.IsRunning);
        var before = new Dictionary<long, int> { [first] = (await app.StoredAsync(first)).Count, [second] = (await app.StoredAsync(second)).Count };

        // Ten sends per person, each arriving three times at once, plus system lines without ids.
        var sends = new List<(long Conversation, string? ClientId, Task<Appended> Result)>();
        foreach (var (conversation, member) in new[] { (first, sme1), (first, mne1), (second, sme2) })
        {
            var sender = new Sender(member.Me.UserId, member.Me.OrgId, member.Me.DisplayName);
            for (var i = 0; i < 10; i++)
            {
                var clientId = $"burst-{member.Me.UserId[..8]}-{i}";
                for (var copy = 0; copy < 3; copy++)
                    sends.Add((conversation, clientId, Task.Run(() => writer.AppendAsync(conversation, sender, new NewMessage(MessageKind.Text, $"message {i}", clientId), CancellationToken.None))));
            }
            sends.Add((conversation, null, Task.Run(() => writer.AppendAsync(conversation, null, new NewMessage(MessageKind.System, "a system line"), CancellationToken.None))));
        }
        await Task.WhenAll(sends.Select(s => s.Result));

        foreach (var copies in sends.Where(s => s.ClientId is not null).GroupBy(s => (s.Conversation, s.ClientId)))
        {
            var results = copies.Select(c => c.Result.Result).ToList();
            Assert.Single(results, r => r.Created);
            Assert.Single(results.Select(r => r.Message.Seq).Distinct());
        }
        foreach (var conversation in new[] { first, second })
        {
            var stored = await app.StoredAsync(conversation);
            var added = conversation == first ? 2 * 10 + 2 : 10 + 1;
            Assert.Equal(before[conversation] + added, stored.Count);
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(n => (long)n), stored.Select(m => m.Seq));
            Assert.Equal(stored.Count(m => m.ClientMessageId is not null), stored.Where(m => m.ClientMessageId is not null).Select(m => m.ClientMessageId).Distinct().Count());
        }
    }

    [DatabaseFact]
    public async Task A_burst_is_published_by_the_writer_once_with_one_inbox_entry_for_the_other_side()
    {
        var (sme, mne, id) = await app.PairAsync();
        var link = ConversationMessaging.Link(id);
        var writer = app.Services.GetRequiredService<MessageWriter>();
        var sender = new Sender(sme.Me.UserId, sme.Me.OrgId, sme.Me.DisplayName);
        var unreadEntries = () => app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKinds.Message && n.Link == link && n.ReadAt == null)
            .Select(n => n.UserId).ToListAsync());
        var senderEntriesBefore = (await unreadEntries()).Count(u => u == sme.Me.UserId);

        var sends = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<ConversationStore>();
            return await store.AppendAsync(id, sender, new NewMessage(MessageKind.Text, $"burst {i}", $"published-{i}"));
        })).ToList();
        var results = await Task.WhenAll(sends);

        Assert.True(writer.IsRunning);
        Assert.All(results, r => Assert.True(r is { Created: true, Published: true }));
        var inbox = await unreadEntries();
        // The buyer is told once for the whole burst; the sender is never told of their own messages.
        Assert.Single(inbox, u => u == mne.Me.UserId);
        Assert.Equal(senderEntriesBefore, inbox.Count(u => u == sme.Me.UserId));
    }
}

public sealed class MessageWriterTestsOnSqlite(SqliteApp app) : MessageWriterTests(app), IClassFixture<SqliteApp>;

public sealed class MessageWriterTestsOnPostgres(PostgresApp app) : MessageWriterTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
