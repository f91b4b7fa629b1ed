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
            return new Rebuild(this, IndexGeneration.Open(number, path, _analyzer, OpenMode.CREATE), fingerprint);
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
        private readonly HashSet<string> _added = new(StringComparer.Ordinal);
        private bool _completed;
        private bool _disposed;

        public Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct = default)
        {
            ObjectDisposedException.ThrowIf(_disposed || _completed, this);
            // A document handed over twice (rows shifting while the caller pages through the
            // database) must still end up once, but only a repeat needs UpdateDocument: every
            // update buffers a delete term that each flush looks up in every segment, which made
            // a 100k rebuild several times slower than plain adds into the empty generation.
            foreach (var document in documents)
            {
                var doc = LuceneFields.ToDocument(document);
                if (_added.Add(document.Id)) generation.Writer.AddDocument(doc);
                else generation.Writer.UpdateDocument(new Term(LuceneFields.Id, document.Id), doc);
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
