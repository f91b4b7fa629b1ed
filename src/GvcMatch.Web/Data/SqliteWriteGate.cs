using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Data;

/// <summary>
/// SQLite lets one connection write at a time, and Microsoft.Data.Sqlite waits for the lock by
/// putting a thread to sleep in 150 ms steps: with hundreds of hub connections sending at once
/// that starves the thread pool and stalls every connection. Hot write paths queue here instead,
/// without holding a thread. PostgreSQL locks rows and passes straight through.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Enter before starting a write transaction of your own; never while holding one (the holder
    /// of the gate would then wait for your lock while you wait for the gate).
    /// </summary>
    public async ValueTask<Releaser> EnterAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return default;
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    public readonly struct Releaser(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
