using SkiaSharp;

namespace GvcMatch.Documents.Tests;

/// <summary>A delivered image shows its recipient and hides its fingerprint where a re-saved copy still gives it away.</summary>
public sealed class ImageMarkerTests
{
    private static readonly DeliveryStamp Stamp = new("Talleres Ruiz S.L.", "Lucía Ruiz", new DateTimeOffset(2027, 2, 16, 9, 30, 0, TimeSpan.Zero), new DeliveryFingerprint(0x9A3F_0C21_77E5));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_fingerprint_is_read_back_from_the_marked_image_alone(bool photo)
    {
        var original = photo ? Photo(800, 600) : DrawingSheet(1000, 700);

        var marked = ImageMarker.Mark(original, Stamp);

        Assert.Equal(Stamp.Fingerprint, ImageMarker.ReadFingerprint(marked));
        Assert.Null(ImageMarker.ReadFingerprint(original));
    }

    [Fact]
    public void Every_recipients_fingerprint_is_read_back_from_a_small_plain_picture()
    {
        // A small picture with one shape: the recipient line and the diagonal cross many of its cells,
        // and each recipient's line is different, so each delivery puts the mark to a different test.
        var picture = Picture(480, 320);
        var random = new Random(7);
        var missed = Enumerable.Range(0, 60).Select(_ =>
        {
            var stamp = new DeliveryStamp($"Org {random.Next(100_000)} S.A.", $"Person {random.Next(1_000)}",
                new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(500_000)),
                new DeliveryFingerprint((ulong)random.NextInt64() & DeliveryFingerprint.Mask));
            return ImageMarker.ReadFingerprint(ImageMarker.Mark(picture, stamp)) == stamp.Fingerprint ? 0 : 1;
        }).Sum();

        Assert.Equal(0, missed);
    }

    [Theory]
    [InlineData(90)]
    [InlineData(75)]
    public void A_copy_saved_again_as_jpeg_still_gives_its_fingerprint(int quality)
    {
        var marked = ImageMarker.Mark(DrawingSheet(1000, 700), Stamp);

        using var bitmap = SKBitmap.Decode(marked);
        using var resaved = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);

        Assert.Equal(Stamp.Fingerprint, ImageMarker.ReadFingerprint(resaved.ToArray()));
    }

    [Fact]
    public void The_recipient_line_is_visible_at_the_foot_and_the_rest_barely_changes()
    {
        var original = DrawingSheet(1000, 700);
        using var before = SKBitmap.Decode(original);
        using var after = SKBitmap.Decode(ImageMarker.Mark(original, Stamp));

        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
        // The foot band carries the recipient's line; a corner far from both visible marks changes by the hidden mark only.
        Assert.True(Change(before, after, 0, after.Height - 20, 400, after.Height) > 10);
        Assert.InRange(Change(before, after, 0, 0, 160, 96), 0.5, 4.01);
    }

    [Fact]
    public void Images_that_cannot_be_marked_are_refused()
    {
        Assert.Throws<DocumentRejectedException>(() => ImageMarker.Mark("not an image"u8.ToArray(), Stamp));
        Assert.Throws<DocumentRejectedException>(() => ImageMarker.Mark(DrawingSheet(120, 120), Stamp));
    }

    [Fact]
    public void Names_in_any_script_get_a_font_that_draws_them()
    {
        var runs = LineImage.Runs("Kawasaki 川崎精密 Ltd");

        Assert.Equal("Kawasaki 川崎精密 Ltd", string.Concat(runs.Select(r => r.Run)));
        using var font = new SKFont(runs.Single(r => r.Run.Contains('川')).Typeface);
        Assert.True(font.ContainsGlyph('川'), "install a CJK font (fonts-noto-cjk)");
    }

    /// <summary>A flat background with one filled circle.</summary>
    private static byte[] Picture(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(200, 210, 220));
            using var paint = new SKPaint { Color = new SKColor(60, 80, 120), IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A white engineering drawing: frame, lines, circles and a title block.</summary>
    private static byte[] DrawingSheet(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var pen = new SKPaint { Color = SKColors.Black, StrokeWidth = 2, IsStroke = true, IsAntialias = true };
            canvas.DrawRect(10, 10, width - 20, height - 20, pen);
            for (var i = 1; i < 8; i++) canvas.DrawLine(40, 40 + i * 40, width - 200, 60 + i * 35, pen);
            canvas.DrawCircle(width / 2f, height / 2f, 120, pen);
            canvas.DrawRect(width - 300, height - 120, 280, 100, pen);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A photo-like picture: smooth gradients with grain.</summary>
    private static byte[] Photo(int width, int height)
    {
        var random = new Random(5);
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var grain = random.Next(-12, 13);
                bitmap.SetPixel(x, y, new SKColor(
                    (byte)Math.Clamp(80 + x * 150 / width + grain, 0, 255),
                    (byte)Math.Clamp(60 + y * 120 / height + grain, 0, 255),
                    (byte)Math.Clamp(140 + (int)(60 * Math.Sin(x / 40.0 + y / 55.0)) + grain, 0, 255)));
            }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>The mean change of a pixel's level within a rectangle, out of 255.</summary>
    private static double Change(SKBitmap a, SKBitmap b, int x0, int y0, int x1, int y1)
    {
        double sum = 0;
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
            {
                SKColor p = a.GetPixel(x, y), q = b.GetPixel(x, y);
                sum += (Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue)) / 3.0;
            }
        return sum / ((x1 - x0) * (y1 - y0));
    }
}
