using System.Globalization;
using GvcMatch.Search.Lucene.Approximate;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// The embedded search index: Lucene.NET in a folder of the application's data folder. One writer
/// per generation, serialised batches each committed once with their checkpoint, and
/// near-real-time searchers refreshed after every batch so a change is searchable at once.
/// Layout: <c>&lt;folder&gt;/gen-N</c> index folders and a <c>current</c> file naming the live one.
/// </summary>
public sealed partial class LuceneSearchIndex : ISearchIndex, IDisposable
{
    private const string PointerFile = "current";
    private const string CheckpointKey = "checkpoint";
    private const string FingerprintKey = "fingerprint";

    /// <summary>
    /// Distinct filter clauses kept as bit sets: a hundred or so cover the certificates, regions and
    /// ranges in use, at maxDoc / 8 bytes each (12 KB at 100k documents, 125 KB at a million).
    /// </summary>
    private const int CachedFilterClauses = 128;

    private readonly string _root;
    private readonly Analyzer _analyzer = LuceneAnalysis.Create();
    private readonly LuceneQueries _queries;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Builds the documents of <see cref="ApplyAsync"/>, which runs under the gate, one batch at a time.</summary>
    private readonly DocumentBuilder _builder = new();
    private IndexGeneration _live;
    private long _checkpoint;
    private string? _fingerprint;
    private int _lastGeneration;
    private volatile bool _disposed;

    public LuceneSearchIndex(string folder) : this(folder, null) { }

    /// <param name="folder">The index folder (generations and the pointer file).</param>
    /// <param name="approximate">When vector queries may use the HNSW graph; null takes the defaults.</param>
    /// <param name="logger">Receives the graph builds' outcomes.</param>
    public LuceneSearchIndex(string folder, ApproximateVectorOptions? approximate, ILogger? logger = null)
    {
        _approximate = new ApproximateVectors(approximate ?? new ApproximateVectorOptions(), logger);
        _root = Path.GetFullPath(folder);
        Directory.CreateDirectory(_root);
        _queries = new LuceneQueries(_analyzer, new FilterCache(CachedFilterClauses));
        var number = ReadPointer() ?? 1;
        RemoveOtherGenerations(number);
        _live = IndexGeneration.Open(number, GenerationPath(number), _analyzer, OpenMode.CREATE_OR_APPEND);
        _lastGeneration = number;
        // A fresh folder gets an empty first commit, so it is a valid index from the start.
        if (!DirectoryReader.IndexExists(_live.Directory)) _live.Writer.Commit();
        WritePointer(number);
        _checkpoint = _live.Writer.CommitData.TryGetValue(CheckpointKey, out var stored)
            ? long.Parse(stored, CultureInfo.InvariantCulture)
            : 0;
        _fingerprint = _live.Writer.CommitData.TryGetValue(FingerprintKey, out var fingerprint) ? fingerprint : null;
        _approximate.Open(_live.Path);
    }

    public async Task ApplyAsync(IReadOnlyList<IndexChange> changes, long checkpoint, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stored = Math.Max(_checkpoint, checkpoint);
            if (changes.Count == 0 && stored == _checkpoint) return;
            var writer = _live.Writer;
            // A failure part way leaves the earlier changes uncommitted: they are never persisted
            // with a checkpoint that claims the whole batch, and the caller replays the batch.
            foreach (var change in changes)
            {
                var id = new Term(LuceneFields.Id, change.Id);
                if (change.Document is null)
                {
                    writer.DeleteDocuments(id);
                    continue;
                }
                if (change.Document.Id != change.Id)
                    throw new ArgumentException($"Change {change.Id} carries document {change.Document.Id}.", nameof(changes));
                writer.UpdateDocument(id, _builder.Build(change.Document));
            }
            Commit(writer, stored, _fingerprint);
            // Refresh before publishing the checkpoint: whoever sees the new checkpoint (the
            // status endpoint, a caller waiting for its change) must also find the documents.
            _live.Searchers.MaybeRefreshBlocking();
            Interlocked.Exchange(ref _checkpoint, stored);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<long> GetCheckpointAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.FromResult(Interlocked.Read(ref _checkpoint));
    }

    public Task<string?> GetFingerprintAsync(CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return Task.FromResult(Volatile.Read(ref _fingerprint));
    }

    public Task<IReadOnlyDictionary<DocumentKind, long>> CountAsync(CancellationToken ct = default) =>
        Task.FromResult(WithSearcher(searcher =>
        {
            var counts = new Dictionary<DocumentKind, long>();
            foreach (var kind in Enum.GetValues<DocumentKind>())
            {
                var collector = new TotalHitCountCollector();
                searcher.Search(new TermQuery(new Term(LuceneFields.Kind, kind.ToString())), collector);
                counts[kind] = collector.TotalHits;
            }
            return (IReadOnlyDictionary<DocumentKind, long>)counts;
        }));

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            if (_disposed) return;
            _disposed = true;
            // Searches still running keep the generation open until they finish.
            _live.Retire(deleteFolder: false);
        }
        finally
        {
            _gate.Release();
        }
        _analyzer.Dispose();
    }

    /// <summary>The checkpoint and the fingerprint travel in the commit's user data, so they are durable with the documents.</summary>
    private static void Commit(IndexWriter writer, long checkpoint, string? fingerprint)
    {
        var data = new Dictionary<string, string> { [CheckpointKey] = checkpoint.ToString(CultureInfo.InvariantCulture) };
        if (fingerprint is not null) data[FingerprintKey] = fingerprint;
        writer.SetCommitData(data);
        writer.Commit();
    }

    /// <summary>Runs <paramref name="read"/> on the current searcher of the live generation.</summary>
    private T WithSearcher<T>(Func<IndexSearcher, T> read)
    {
        var generation = AcquireLive();
        try
        {
            var searcher = generation.Searchers.Acquire();
            try
            {
                return read(searcher);
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
        finally
        {
            generation.Release();
        }
    }

    private IndexGeneration AcquireLive()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // A generation being swapped out refuses new readers; the next read sees its successor.
            var generation = Volatile.Read(ref _live);
            if (generation.TryAcquire()) return generation;
        }
    }
}
