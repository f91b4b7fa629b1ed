using System.Threading.Channels;

namespace GvcMatch.Web.Features.Conversations;

/// <summary>
/// Writes the messages that arrive together in one transaction. A database takes one write
/// transaction at a time per conversation row (PostgreSQL) or per file (SQLite); with hundreds
/// of people sending at once, a commit per message queues them all behind each other. Here each
/// batch costs one commit however many messages it holds, and a message that waits does so
/// without holding a thread.
/// </summary>
public sealed class MessageWriter(IServiceScopeFactory scopes, ILogger<MessageWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<PendingMessage> _queue = Channel.CreateUnbounded<PendingMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>False before start and after stop: callers then write their message themselves.</summary>
    public bool IsRunning { get; private set; }

    public Task<Appended> AppendAsync(long conversationId, Sender? sender, NewMessage message, CancellationToken ct) =>
        EnqueueAsync(new PendingMessage(conversationId, sender, message), ct);

    /// <summary>
    /// Stores a message from a user whose membership is not checked yet: the batch checks every
    /// such sender with one query (a current member of a party organisation, read at write time)
    /// and fails the others with <see cref="NotAParticipantException"/>, storing nothing for them.
    /// </summary>
    public Task<Appended> AppendCheckedAsync(long conversationId, string userId, NewMessage message, CancellationToken ct) =>
        EnqueueAsync(new PendingMessage(conversationId, new Sender(userId, 0, null), message) { MustCheckSender = true }, ct);

    private Task<Appended> EnqueueAsync(PendingMessage pending, CancellationToken ct)
    {
        if (!_queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The message writer has stopped.");
        // A caller that gives up stops waiting; the message may still be stored, which is what
        // client message ids are for: the retry finds it.
        return pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IsRunning = true;
        var batch = new List<PendingMessage>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
                await WriteAsync(batch);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            IsRunning = false;
            _queue.Writer.TryComplete();
            // Whatever is still queued is written one by one before the host goes.
            while (_queue.Reader.TryRead(out var left)) batch.Add(left);
            if (batch.Count > 0) await WriteOneByOneAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingMessage> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        List<(PendingMessage Pending, MessageDto Message)> stored;
        try
        {
            stored = await scope.ServiceProvider.GetRequiredService<MessageBatch>().WriteAsync(batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // One bad message (a conversation deleted meanwhile, a race on a client id with another
            // instance) must fail only itself: nothing of the batch was committed, so write each alone.
            logger.LogDebug(ex, "A batch of {Count} messages failed; writing them one by one", batch.Count);
            await WriteOneByOneAsync(batch);
            return;
        }

        // Committed with their inbox entries, so the senders are answered now: the broadcast that
        // follows can be slow (a backplane away) but can lose nothing a client cannot catch up on.
        foreach (var (pending, message) in stored)
            pending.Done.TrySetResult(new Appended(message, Created: true, Published: true));
        // Published here, in the writer's loop, so each conversation's events leave in order.
        await scope.ServiceProvider.GetRequiredService<ConversationMessaging>()
            .PublishAllAsync(stored.Select(s => new Published(s.Message, s.Pending.Sender?.UserId)).ToList(), CancellationToken.None);
    }

    private async Task WriteOneByOneAsync(List<PendingMessage> batch)
    {
        foreach (var pending in batch.Where(p => !p.Done.Task.IsCompleted))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (pending.MustCheckSender)
                {
                    await scope.ServiceProvider.GetRequiredService<MessageBatch>().CheckSendersAsync([pending], CancellationToken.None);
                    if (pending.Done.Task.IsCompleted) continue;
                }
                var appended = await scope.ServiceProvider.GetRequiredService<ConversationStore>()
                    .AppendNowAsync(pending.ConversationId, pending.Sender, pending.Message, CancellationToken.None);
                pending.Done.TrySetResult(appended with { Published = true });
                // Published in the scope that staged its inbox entries, so their pushes go out too.
                if (appended.Created)
                    await scope.ServiceProvider.GetRequiredService<ConversationMessaging>().PublishAsync(appended.Message, CancellationToken.None);
            }
            catch (Exception ex)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }
}

/// <summary>A message waiting for the writer, and where its result goes.</summary>
public sealed class PendingMessage(long conversationId, Sender? sender, NewMessage message)
{
    public long ConversationId { get; } = conversationId;

    /// <summary>Who sends it; for a sender still to be checked only the user id is known until the check fills in the rest.</summary>
    public Sender? Sender { get; internal set; } = sender;

    /// <summary>The sender's membership is checked by the batch before anything is stored.</summary>
    public bool MustCheckSender { get; internal set; }
    public NewMessage Message { get; } = message;
    public TaskCompletionSource<Appended> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Retries are recognised by sender and client id within a conversation.</summary>
    public (long, string, string)? RetryKey =>
        Sender is not null && Message.ClientMessageId is not null ? (ConversationId, Sender.UserId, Message.ClientMessageId) : null;
}

/// <summary>The sender is not (or no longer) a member of a party organisation of the conversation, or it does not exist.</summary>
public sealed class NotAParticipantException(long conversationId) : Exception($"Not a participant of conversation {conversationId}.")
{
    public long ConversationId { get; } = conversationId;
}
