using SkiaSharp;

namespace GvcMatch.Documents;

/// <summary>
/// Hides 64 bits (a 48-bit fingerprint and a 16-bit check) in an image, and finds them again without
/// the original. The image is cut into 16-pixel cells, each carrying one of the 64 bits (spread over
/// the picture, so every bit has cells everywhere): a one darkens the cell's left half by a few levels,
/// a zero its right half. Reading sums, for each bit, the right-minus-left median brightness of its cells:
/// the picture's own light and shade cancel out over dozens of cells, the mark does not.
/// A cell's vote is capped, so the few cells a line or an edge splits cannot outvote the rest. A change of
/// 4 levels in 255 is not seen, and shifts of whole half-cells survive JPEG compression, which works
/// on 8-pixel blocks. Cropping or resizing breaks the grid: the visible line covers those cases.
/// </summary>
internal static class HiddenMark
{
    private const int Cell = 16;
    private const int Bits = 64;
    private const int Strength = 4;

    /// <summary>How far the mark moves a pixel's level (the sum of its three channels).</summary>
    private const int MarkLevels = Strength * 3;

    /// <summary>Smaller images have too few cells per bit for the mark to be read back reliably.</summary>
    public const int MinimumSide = 160;

    public static void Embed(SKBitmap bitmap, DeliveryFingerprint fingerprint)
    {
        var payload = Payload(fingerprint);
        var pixels = bitmap.GetPixelSpan();
        var stride = bitmap.RowBytes;
        for (var cy = 0; cy + Cell <= bitmap.Height; cy += Cell)
            for (var cx = 0; cx + Cell <= bitmap.Width; cx += Cell)
            {
                var one = ((payload >> BitOf(cx / Cell, cy / Cell)) & 1) == 1;
                var darkFrom = one ? cx : cx + Cell / 2;
                for (var y = cy; y < cy + Cell; y++)
                    for (var x = darkFrom; x < darkFrom + Cell / 2; x++)
                    {
                        var i = y * stride + x * 4;
                        for (var c = 0; c < 3; c++) pixels[i + c] = (byte)Math.Max(0, pixels[i + c] - Strength);
                    }
            }
    }

    public static DeliveryFingerprint? Read(SKBitmap bitmap)
    {
        if (bitmap.Width < MinimumSide || bitmap.Height < MinimumSide) return null;
        var votes = new double[Bits];
        var pixels = bitmap.GetPixelSpan();
        var stride = bitmap.RowBytes;
        var half = Cell * Cell / 2;
        Span<int> left = stackalloc int[half], right = stackalloc int[half];
        for (var cy = 0; cy + Cell <= bitmap.Height; cy += Cell)
            for (var cx = 0; cx + Cell <= bitmap.Width; cx += Cell)
            {
                int l = 0, r = 0;
                for (var y = cy; y < cy + Cell; y++)
                    for (var x = cx; x < cx + Cell; x++)
                    {
                        var i = y * stride + x * 4;
                        var level = pixels[i] + pixels[i + 1] + pixels[i + 2];
                        if (x < cx + Cell / 2) left[l++] = level; else right[r++] = level;
                    }
                // Medians, not sums: a stroke of the visible line or an edge that crosses part of a half moves
                // a few pixels a long way and its median hardly at all, while the mark moves every pixel of its
                // half by the same few levels. A cell an edge splits in two still leans for reasons of its own,
                // so its vote is capped at a little more than the mark's.
                left.Sort();
                right.Sort();
                var shift = right[half / 2] - left[half / 2];
                votes[BitOf(cx / Cell, cy / Cell)] += Math.Clamp(shift, -MarkLevels * 3 / 2, MarkLevels * 3 / 2);
            }
        ulong payload = 0;
        for (var b = 0; b < Bits; b++) if (votes[b] > 0) payload |= 1UL << b;
        var value = payload >> 16;
        return (ushort)payload == Check(value) ? new DeliveryFingerprint(value) : null;
    }

    private static ulong Payload(DeliveryFingerprint f) => ((f.Value & DeliveryFingerprint.Mask) << 16) | Check(f.Value & DeliveryFingerprint.Mask);

    /// <summary>Which bit a cell carries: a fixed scramble of its position, so neighbouring cells carry different bits.</summary>
    private static int BitOf(int column, int row)
    {
        var h = (uint)(column * 73856093) ^ (uint)(row * 19349663);
        h ^= h >> 13;
        h *= 0x5bd1e995;
        h ^= h >> 15;
        return (int)(h % Bits);
    }

    /// <summary>CRC-16/CCITT of the 48-bit value: a random picture passes it once in 65,536.</summary>
    private static ushort Check(ulong value)
    {
        ushort crc = 0xFFFF;
        for (var i = 5; i >= 0; i--)
        {
            crc ^= (ushort)(((value >> (i * 8)) & 0xFF) << 8);
            for (var k = 0; k < 8; k++) crc = (ushort)((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1);
        }
        return crc;
    }
}
