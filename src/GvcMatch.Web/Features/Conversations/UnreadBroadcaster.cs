using System.Collections.Concurrent;
using System.Threading.Channels;
using GvcMatch.Web.Data;
using GvcMatch.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// After a message every member learns their new unread counts. A count reads all of a person's
/// conversations; done for every message it was the largest query of a send. Messages mark
/// people here instead, and one loop counts for everyone marked a moment later in one query, so a
/// burst of messages costs one count per person and the message itself is delivered sooner.
/// </summary>
public sealed class UnreadBroadcaster(IServiceScopeFactory scopes, IHubContext<NegotiationHub, INegotiationClient> hub, ILogger<UnreadBroadcaster> logger)
    : BackgroundService
{
    /// <summary>How long marks gather before a round counts them: short next to a person reading.</summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<(string UserId, long ConversationId), byte> _marked = new();
    private readonly Channel<byte> _wake = Channel.CreateBounded<byte>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>False before start and after stop: callers then send the counts themselves.</summary>
    public bool IsRunning { get; private set; }

    public void Mark(long conversationId, IEnumerable<string> userIds)
    {
        foreach (var userId in userIds) _marked.TryAdd((userId, conversationId), 0);
        _wake.Writer.TryWrite(0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IsRunning = true;
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                await Task.Delay(Gather, stoppingToken);
                var round = _marked.Keys.ToList();
                foreach (var key in round) _marked.TryRemove(key, out _);
                try
                {
                    await SendAsync(round, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Counts are a convenience next to the messages themselves, which are already
                    // delivered; the next message or a page load brings them right again.
                    logger.LogWarning(ex, "Sending unread counts to {Count} people failed", round.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            IsRunning = false;
        }
    }

    private async Task SendAsync(List<(string UserId, long ConversationId)> round, CancellationToken ct)
    {
        if (round.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (userId, unread) in await UnreadCounts.EventsAsync(db, round, ct))
            await hub.Clients.User(userId).Unread(unread);
    }
}
