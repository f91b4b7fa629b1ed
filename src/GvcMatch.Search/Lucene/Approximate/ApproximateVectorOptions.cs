namespace GvcMatch.Search.Lucene.Approximate;

/// <summary>
/// When the embedded index answers a vector query from its HNSW graph instead of the exact int8
/// scan, and how the graph is built. See docs/search.md, "Approximate vectors".
/// </summary>
public sealed record ApproximateVectorOptions
{
    /// <summary>Off: every vector query is the exact scan.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Below this many documents with a vector no graph is built: the exact scan costs a few milliseconds at most.</summary>
    public int MinDocuments { get; init; } = 50_000;

    /// <summary>
    /// The share of the graph's documents the query's filters must admit. A narrow filter makes a
    /// filtered walk visit about 1/share nodes per result, while the scan visits only the admitted
    /// rows: below this share the scan is cheaper.
    /// </summary>
    public double MinShare { get; init; } = 0.15;

    /// <summary>
    /// The documents the query's filters must admit in the graph's segments. The scan's cost grows
    /// with the admitted rows and the walk's hardly at all, so below this many the scan is cheaper
    /// whatever the share (at 100,000 suppliers a filter admitting 17 % cost 4.5 ms of CPU scanned
    /// and 5.9 ms walked; at 63 %, 6.8 ms and 3.0 ms).
    /// </summary>
    public int MinAdmitted { get; init; } = 30_000;

    /// <summary>A new graph is built when this share of the documents with a vector is in segments the graph does not cover.</summary>
    public double RebuildShare { get; init; } = 0.1;

    /// <summary>Links per node (HNSW's M).</summary>
    public int Connectivity { get; init; } = 16;

    /// <summary>Candidates kept while inserting (efConstruction).</summary>
    public int ExpansionAdd { get; init; } = 128;

    /// <summary>Candidates kept while searching (ef); a query asking for more results uses that many.</summary>
    public int ExpansionSearch { get; init; } = 256;

    /// <summary>Results taken from the graph per result asked for, before the exact rescore (the graph's int8 cosines are off by about 0.01).</summary>
    public double Oversampling { get; init; } = 1.5;

    /// <summary>Threads adding vectors while a graph is built in the background.</summary>
    public int BuildThreads { get; init; } = 1;

    /// <summary>Keep the graph next to the index, so a restart loads it instead of building it again.</summary>
    public bool Persist { get; init; } = true;
}
