using SkiaSharp;

namespace GvcMatch.Documents;

/// <summary>
/// Marks an image for one delivery: the recipient's line, visible, across the foot and faintly across
/// the picture; and the fingerprint hidden in the picture itself (<see cref="HiddenMark"/>), which
/// survives saving the copy again as JPEG, so a leaked drawing can be traced even with the visible
/// line painted over. PNG stays PNG; anything else comes back as JPEG.
/// </summary>
public static class ImageMarker
{
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear);

    public static byte[] Mark(byte[] image, DeliveryStamp stamp)
    {
        using var codec = SKCodec.Create(new MemoryStream(image))
            ?? throw new DocumentRejectedException("The file is not an image that can be marked (PNG, JPEG, WebP or GIF).");
        var format = codec.EncodedFormat == SKEncodedImageFormat.Png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        using var bitmap = SKBitmap.Decode(codec)?.Copy(SKColorType.Rgba8888)
            ?? throw new DocumentRejectedException("The image could not be read.");
        if (bitmap.Width < HiddenMark.MinimumSide || bitmap.Height < HiddenMark.MinimumSide)
            throw new DocumentRejectedException($"The image is too small to mark (at least {HiddenMark.MinimumSide} pixels a side).");

        using (var canvas = new SKCanvas(bitmap))
        {
            using var line = SKImage.FromEncodedData(LineImage.Render(stamp.Line, heightPixels: Math.Clamp(bitmap.Height / 30, 14, 48)));
            var footWidth = Math.Min(bitmap.Width - 8f, line.Width);
            var footHeight = footWidth * line.Height / line.Width;
            using var band = new SKPaint { Color = new SKColor(255, 255, 255, 190) };
            canvas.DrawRect(0, bitmap.Height - footHeight - 4, bitmap.Width, footHeight + 4, band);
            canvas.DrawImage(line, SKRect.Create(4, bitmap.Height - footHeight - 2, footWidth, footHeight), Smooth);
            canvas.Save();
            canvas.Translate(bitmap.Width / 2f, bitmap.Height / 2f);
            canvas.RotateDegrees(-30);
            var across = bitmap.Width * 0.9f;
            using var faint = new SKPaint { Color = new SKColor(255, 255, 255, 90) };
            canvas.DrawImage(line, SKRect.Create(-across / 2, -across * line.Height / line.Width / 2, across, across * line.Height / line.Width), Smooth, faint);
            canvas.Restore();
        }
        HiddenMark.Embed(bitmap, stamp.Fingerprint);
        using var encoded = bitmap.Encode(format, 92);
        return encoded.ToArray();
    }

    /// <summary>The fingerprint hidden in an image, or null when it carries none (or too little of it is left).</summary>
    public static DeliveryFingerprint? ReadFingerprint(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image)?.Copy(SKColorType.Rgba8888);
        return bitmap is null ? null : HiddenMark.Read(bitmap);
    }
}
