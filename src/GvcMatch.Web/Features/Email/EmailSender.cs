using GvcMatch.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Email;

/// <summary>
/// Sends the email outbox. Each row is claimed with a conditional update before it is sent (the
/// update moves its due time into the future only if the row is still due as this sender read
/// it), so two app instances on one database never send the same row twice at once. A failed send
/// is retried with a doubling delay up to <see cref="EmailOptions.MaxAttempts"/>; the last error
/// stays on the row. A sender that dies mid-send leaves the row leased; it is tried again once
/// the lease runs out (so an email can, rarely, go out twice; it is never lost).
/// </summary>
public sealed class EmailSender(
    IServiceScopeFactory scopes, IMailTransport transport, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailSender> logger)
    : BackgroundService
{
    /// <summary>How long a claimed row is left to its sender; longer than any SMTP timeout.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    private const int BatchSize = 50;

    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the loop now instead of at the next poll (after a save that queued email).</summary>
    public void Nudge()
    {
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    while (await SendDueAsync(stoppingToken) == BatchSize) { }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Sending email failed; retrying shortly");
                }
                await _signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Claims and sends the rows that are due; returns how many rows it looked at.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = db.Set<EmailOutboxEntry>();
        var now = clock.GetUtcNow();
        var due = await outbox.AsNoTracking()
            .Where(e => e.SentAt == null && e.NextAttemptAt != null && e.NextAttemptAt <= now)
            .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Id)
            .Take(BatchSize)
            .ToListAsync(ct);

        foreach (var email in due)
        {
            var seenDue = email.NextAttemptAt;
            var leaseUntil = clock.GetUtcNow() + Lease;
            var claimed = await outbox
                .Where(e => e.Id == email.Id && e.SentAt == null && e.NextAttemptAt == seenDue)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, leaseUntil).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
            if (claimed == 0) continue; // another sender has it

            var attempts = email.Attempts + 1;
            try
            {
                await transport.SendAsync(email, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                DateTimeOffset? next = attempts >= options.Value.MaxAttempts ? null : clock.GetUtcNow() + RetryDelay(attempts);
                var error = Describe(ex);
                await outbox.Where(e => e.Id == email.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.NextAttemptAt, next).SetProperty(e => e.LastError, error), ct);
                logger.LogWarning("Email {Id} to {To} failed (attempt {Attempts}): {Error}", email.Id, email.To, attempts, error);
                continue;
            }
            var sentAt = clock.GetUtcNow();
            await outbox.Where(e => e.Id == email.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.SentAt, sentAt).SetProperty(e => e.NextAttemptAt, (DateTimeOffset?)null), ct);
        }
        return due.Count;
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    private static string Describe(Exception ex)
    {
        var text = ex.InnerException is { } inner ? $"{ex.GetType().Name}: {ex.Message} ({inner.GetType().Name}: {inner.Message})" : $"{ex.GetType().Name}: {ex.Message}";
        return text.Length <= 2000 ? text : text[..2000];
    }
}
