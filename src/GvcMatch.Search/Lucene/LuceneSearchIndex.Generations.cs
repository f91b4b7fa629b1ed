using System.Globalization;
using Lucene.Net.Index;

namespace GvcMatch.Search.Lucene;

/// <summary>Full rebuilds into a new generation folder, and the pointer file naming the live one.</summary>
public sealed partial class LuceneSearchIndex
{
    private const string GenerationPrefix = "gen-";

    public Task<IIndexRebuild> BeginRebuildAsync(CancellationToken ct = default) => BeginRebuildAsync(null, ct);

    public async Task<IIndexRebuild> BeginRebuildAsync(string? fingerprint, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var number = ++_lastGeneration;
            var path = GenerationPath(number);
            IndexGeneration.DeleteFolder(path);
            return new Rebuild(this, IndexGeneration.Open(number, path, _analyzer, OpenMode.CREATE, bulk: true), fingerprint);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Commits the rebuilt generation with its checkpoint and makes it live. The checkpoint is the
    /// rebuild's own, even if lower than the old one: changes applied to the old generation during
    /// the rebuild are replayed by the caller from this checkpoint.
    /// </summary>
    private async Task CompleteRebuildAsync(IndexGeneration rebuilt, long checkpoint, string? fingerprint, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Commit(rebuilt.Writer, checkpoint, fingerprint);
            rebuilt.EndBulkLoad();
            rebuilt.Searchers.MaybeRefreshBlocking();
            WritePointer(rebuilt.Number);
            var old = _live;
            Volatile.Write(ref _live, rebuilt);
            Interlocked.Exchange(ref _checkpoint, checkpoint);
            Volatile.Write(ref _fingerprint, fingerprint);
            old.Retire(deleteFolder: true);
            _approximate.Reset();
        }
        finally
        {
            _gate.Release();
        }
    }

    private string GenerationPath(int number) => Path.Combine(_root, GenerationPrefix + number.ToString(CultureInfo.InvariantCulture));

    private int? ReadPointer()
    {
        var file = Path.Combine(_root, PointerFile);
        if (!File.Exists(file)) return null;
        var name = File.ReadAllText(file).Trim();
        return name.StartsWith(GenerationPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(GenerationPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidDataException($"The index pointer {file} names '{name}', not a generation folder.");
    }

    /// <summary>Written to a temporary file and moved over the old one, so a crash leaves either pointer, never half of one.</summary>
    private void WritePointer(int number)
    {
        var file = Path.Combine(_root, PointerFile);
        var temp = file + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(GenerationPrefix + number.ToString(CultureInfo.InvariantCulture));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, file, overwrite: true);
    }

    /// <summary>Folders of rebuilds that never completed, or of generations replaced while in use.</summary>
    private void RemoveOtherGenerations(int live)
    {
        var keep = Path.GetFileName(GenerationPath(live));
        foreach (var folder in Directory.EnumerateDirectories(_root, GenerationPrefix + "*"))
        {
            if (Path.GetFileName(folder) != keep) IndexGeneration.DeleteFolder(folder);
        }
    }

    private sealed class Rebuild(LuceneSearchIndex owner, IndexGeneration generation, string? fingerprint) : IIndexRebuild
    {
        /// <summary>
        /// Threads adding a page: IndexWriter takes documents from several threads at once, each
        /// into a segment of its own. Two on two cores: the caller's next page is read meanwhile.
        /// </summary>
        private static readonly int AddingThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

        /// <summary>Below this many documents a page is added on the caller's thread alone.</summary>
        private const int MinPerThread = 64;

        private readonly HashSet<string> _added = new(StringComparer.Ordinal);
        private readonly DocumentBuilder[] _builders = [.. Enumerable.Range(0, AddingThreads).Select(_ => new DocumentBuilder())];
        private bool _completed;
        private bool _disposed;

        public Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default)
        {
            ObjectDisposedException.ThrowIf(_disposed || _completed, this);
            // One page at a time (the lock) even if a caller overlaps its calls: the builders are per thread.
            lock (_added)
            {
                // A document handed over twice (rows shifting while the caller pages through the
                // database) must still end up once, but only a repeat needs UpdateDocument: every
                // update buffers a delete term that each flush looks up in every segment, which made
                // a 100k rebuild several times slower than plain adds into the empty generation.
                // Repeats go after the page's first versions, so the last version handed over wins.
                var fresh = new List<SearchDocument>(documents.Count);
                var repeats = new List<SearchDocument>();
                foreach (var document in documents) (_added.Add(document.Id) ? fresh : repeats).Add(document);
                var writer = generation.Writer;
                var parts = Math.Clamp(fresh.Count / MinPerThread, 1, _builders.Length);
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts, CancellationToken = ct }, part =>
                {
                    var builder = _builders[part];
                    var end = fresh.Count * (part + 1) / parts;
                    for (var i = fresh.Count * part / parts; i < end; i++) writer.AddDocument(builder.Build(fresh[i]));
                });
                foreach (var document in repeats)
                    writer.UpdateDocument(new Term(LuceneFields.Id, document.Id), _builders[0].Build(document));
            }
            return Task.CompletedTask;
        }

        public async Task CompleteAsync(long checkpoint, CancellationToken ct = default)
        {
            ObjectDisposedException.ThrowIf(_disposed || _completed, this);
            await owner.CompleteRebuildAsync(generation, checkpoint, fingerprint, ct);
            _completed = true;
        }

        public ValueTask DisposeAsync()
        {
            if (_disposed) return ValueTask.CompletedTask;
            _disposed = true;
            if (!_completed) generation.Retire(deleteFolder: true);
            return ValueTask.CompletedTask;
        }
    }
}
