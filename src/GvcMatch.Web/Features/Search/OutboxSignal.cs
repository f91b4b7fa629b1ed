namespace GvcMatch.Web.Features.Search;

/// <summary>
/// Tells this app instance's indexer that a save committed outbox rows, so it wakes at once instead
/// of at its next poll. One per service provider (a singleton), not a static event: several app
/// hosts in one process (the tests, a CLI command beside a running host) must not wake each other's
/// indexers, and another instance over the same database hears of the rows at its own poll anyway.
/// </summary>
public sealed class OutboxSignal
{
    private Action? _written;

    /// <summary>Calls <paramref name="listener"/> after every save that wrote outbox rows, until disposed.</summary>
    public IDisposable Subscribe(Action listener)
    {
        _written += listener;
        return new Subscription(() => _written -= listener);
    }

    /// <summary>Raised by the DbContext after the transaction that wrote the rows has committed.</summary>
    public void Written() => _written?.Invoke();

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
