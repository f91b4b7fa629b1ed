using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// One generation of the index on disk: its folder, the single writer and the near-real-time
/// searcher manager. Reference counted so a rebuild can swap in a new generation while searches
/// still read the old one; the last release closes it and, if it was replaced, deletes its folder.
/// </summary>
internal sealed class IndexGeneration
{
    private int _references = 1;
    private bool _deleteOnClose;

    private IndexGeneration(int number, string path, LuceneDirectory directory, IndexWriter writer)
    {
        Number = number;
        Path = path;
        Directory = directory;
        Writer = writer;
        Searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    public int Number { get; }
    public string Path { get; }
    public LuceneDirectory Directory { get; }
    public IndexWriter Writer { get; }
    public SearcherManager Searchers { get; }

    /// <summary>BM25, the ranking Elasticsearch uses too, so both providers order results alike.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity();

    /// <summary>
    /// The writer's buffer while a rebuild loads a generation: flushing every 16 MB (Lucene's
    /// default) cut a 20,000-supplier rebuild into a dozen segments and merged them while it ran.
    /// Back to the default once the generation is live, where every batch commits anyway.
    /// </summary>
    public const double BulkBufferMB = 64;

    public static IndexGeneration Open(int number, string path, Analyzer analyzer, OpenMode mode, bool bulk = false)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        try
        {
            var config = new IndexWriterConfig(LuceneAnalysis.Version, analyzer)
            {
                OpenMode = mode, Similarity = Similarity,
                RAMBufferSizeMB = bulk ? BulkBufferMB : IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB,
            };
            return new IndexGeneration(number, path, directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Ends the bulk load: the live generation buffers as little as any other.</summary>
    public void EndBulkLoad() => Writer.Config.RAMBufferSizeMB = IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB;

    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0) return false;
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current) return true;
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Close();
    }

    /// <summary>Drops the owner's reference; the folder goes once the last search using it ends.</summary>
    public void Retire(bool deleteFolder)
    {
        _deleteOnClose = deleteFolder;
        Release();
    }

    private void Close()
    {
        Searchers.Dispose();
        // Every batch is committed when it is applied; rolling back on close means a batch that
        // failed half way is never persisted without its checkpoint.
        Writer.Rollback();
        Directory.Dispose();
        if (_deleteOnClose) DeleteFolder(Path);
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path)) System.IO.Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere (Windows); the next open of the index removes stale generations.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new CachingSearcher(reader) { Similarity = Similarity };
    }
}
