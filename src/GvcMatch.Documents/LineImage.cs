using SkiaSharp;

namespace GvcMatch.Documents;

/// <summary>
/// Draws one line of text as a transparent PNG, choosing for each character a font that has it, so
/// names in Japanese, Spanish or any other script print as written on PDFs and images alike.
/// </summary>
internal static class LineImage
{
    public static byte[] Render(string text, int heightPixels, SKColor? colour = null)
    {
        using var font = new SKFont(SKTypeface.Default, heightPixels * 0.7f);
        var runs = Runs(text);
        var width = 8f;
        foreach (var (run, typeface) in runs) { font.Typeface = typeface; width += font.MeasureText(run); }
        var info = new SKImageInfo((int)Math.Ceiling(width + 8), heightPixels, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Transparent);
        using var paint = new SKPaint { Color = colour ?? new SKColor(90, 90, 90, 200), IsAntialias = true };
        var x = 4f;
        foreach (var (run, typeface) in runs)
        {
            font.Typeface = typeface;
            canvas.DrawText(run, x, heightPixels * 0.75f, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Splits the text where the font that can draw it changes.</summary>
    internal static List<(string Run, SKTypeface Typeface)> Runs(string text)
    {
        var runs = new List<(string, SKTypeface)>();
        var fallback = SKTypeface.Default;
        using var probe = new SKFont(fallback);
        var start = 0;
        SKTypeface? current = null;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var codepoint = char.ConvertToUtf32(text, i);
            var face = probe.ContainsGlyph(codepoint) ? fallback : SKFontManager.Default.MatchCharacter(codepoint) ?? fallback;
            if (current is not null && face.FamilyName != current.FamilyName)
            {
                runs.Add((text[start..i], current));
                start = i;
            }
            current = face;
        }
        if (current is not null) runs.Add((text[start..], current));
        return runs;
    }
}
