using PdfSharp.Fonts;

namespace GvcMatch.Documents;

/// <summary>
/// The one font PDFsharp needs for the fingerprint line, found among the fonts Debian installs
/// (fonts-dejavu-core). The recipient's names are drawn by SkiaSharp instead, which finds a font for
/// any script through fontconfig, so a Japanese company name prints as itself.
/// </summary>
internal sealed class StampFonts : IFontResolver
{
    public const string Family = "GvcMatch Stamp";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    private static readonly Lazy<byte[]> Face = new(() =>
        Candidates.Where(File.Exists).Select(File.ReadAllBytes).FirstOrDefault()
        ?? throw new InvalidOperationException("No font for PDF stamps: install fonts-dejavu-core (looked in " + string.Join(", ", Candidates) + ")."));

    private static int _installed;

    /// <summary>Installs the resolver once per process (PDFsharp keeps it globally).</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0 && GlobalFontSettings.FontResolver is null)
            GlobalFontSettings.FontResolver = new StampFonts();
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(Family);

    public byte[]? GetFont(string faceName) => Face.Value;
}
