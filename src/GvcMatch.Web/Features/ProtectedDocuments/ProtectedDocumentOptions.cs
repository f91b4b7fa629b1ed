using System.ComponentModel.DataAnnotations;

namespace GvcMatch.Web.Features.ProtectedDocuments;

/// <summary>The "ProtectedDocuments" section: where the encrypted files live and what an upload may be. Validated at start-up.</summary>
public sealed class ProtectedDocumentOptions
{
    public const string Section = "ProtectedDocuments";

    /// <summary>Folder of the encrypted files; empty means <c>protected-documents</c> in the data folder. Point several instances at one shared path.</summary>
    public string? Folder { get; set; }

    /// <summary>Largest document in bytes. A delivery stamps the whole file in memory, so this also bounds a download's memory.</summary>
    [Range(1024, 200L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Largest image in pixels (width × height): decoding is what costs, and a small file can claim a huge picture.</summary>
    [Range(1, 500_000_000)]
    public long MaxImagePixels { get; set; } = 40_000_000;
}
