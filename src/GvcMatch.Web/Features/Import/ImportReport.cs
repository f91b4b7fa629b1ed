using System.Text.Json.Serialization;

namespace GvcMatch.Web.Features.Import;

/// <summary>One rejected row or unreadable file. <see cref="Line"/> is where the element starts.</summary>
public sealed record ImportError(string File, int? Line, string? Field, string Message)
{
    public override string ToString()
    {
        var where = Line is { } line ? $"{File} line {line}" : File;
        return Field is { Length: > 0 } ? $"{where}: {Field}: {Message}" : $"{where}: {Message}";
    }
}

public sealed class KindCounts
{
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }

    [JsonIgnore]
    public int Total => Created + Updated + Unchanged + Rejected;

    internal void Count(RowOutcome outcome)
    {
        switch (outcome)
        {
            case RowOutcome.Created: Created++; break;
            case RowOutcome.Updated: Updated++; break;
            case RowOutcome.Unchanged: Unchanged++; break;
            default: Rejected++; break;
        }
    }
}

internal enum RowOutcome { Created, Updated, Unchanged, Rejected }

/// <summary>What an import did: counts per kind of row, every rejected row, and unreadable files.</summary>
public sealed class ImportReport
{
    public List<string> Files { get; } = [];
    public KindCounts Organizations { get; } = new();
    public KindCounts Profiles { get; } = new();
    public KindCounts IpListings { get; } = new();
    public KindCounts Requirements { get; } = new();
    public KindCounts Users { get; } = new();

    /// <summary>Rows that were rejected, and content of a file that was skipped (unknown properties).</summary>
    public List<ImportError> Errors { get; } = [];

    /// <summary>Files that could not be read at all (missing, too large, not JSON): nothing was loaded from them.</summary>
    public List<ImportError> FileErrors { get; } = [];

    /// <summary>Values that were read but not applied (an uploaded <c>isAdmin</c>); the rest of the row was loaded.</summary>
    public List<ImportError> Ignored { get; } = [];

    /// <summary>
    /// Certificates and certification criteria that name a standard the registry does not know: loaded
    /// under the exact name (matched by that name) and queued for an admin to map; never a rejection.
    /// </summary>
    public List<ImportError> UnknownStandards { get; } = [];

    public bool Succeeded => Errors.Count == 0 && FileErrors.Count == 0;

    /// <summary>0 when everything loaded, 1 when some rows were rejected, 2 when a file could not be read.</summary>
    public int ExitCode => FileErrors.Count > 0 ? 2 : Errors.Count > 0 ? 1 : 0;

    [JsonIgnore]
    public IEnumerable<(string Kind, KindCounts Counts)> Kinds =>
    [
        ("Organisations", Organizations), ("Profiles", Profiles), ("IP listings", IpListings),
        ("Requirements", Requirements), ("Users", Users),
    ];

    public string Summary() =>
        string.Join("; ", Kinds.Select(k =>
            $"{k.Kind.ToLowerInvariant()}: {k.Counts.Created} created, {k.Counts.Updated} updated, {k.Counts.Unchanged} unchanged, {k.Counts.Rejected} rejected"));
}

/// <summary>Where an import was started, which decides what it may grant.</summary>
public enum ImportOrigin
{
    /// <summary>The CLI `import`/`seed` commands and the demo loader: files chosen by whoever runs the server.</summary>
    Command,

    /// <summary>A file uploaded through the API or the admin page.</summary>
    Upload,
}
