using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GvcMatch.Search.Lucene;

/// <summary>
/// Dot products of int8 vectors, the inner loop of the vector scan. An int8 row is a quarter of a
/// float row, so a scan over a million documents reads 384 MB instead of 1.5 GB; with AVX2 each
/// step multiplies 32 pairs and adds them into 32-bit sums (products of two int8 values fit in 16
/// bits, their pairwise sums in 32), with AVX-512 64 pairs, and the other platforms take the portable loop.
/// </summary>
internal static class Int8Dot
{
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        var sum = 0;
        ref var pa = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref var pb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        if (Avx512BW.IsSupported && length >= 64)
        {
            // The same steps on 64 pairs at a time: a 384-value row is six steps instead of twelve.
            var acc = Vector512<int>.Zero;
            for (; i <= length - 64; i += 64)
            {
                var va = Vector512.LoadUnsafe(ref pa, (nuint)i);
                var vb = Vector512.LoadUnsafe(ref pb, (nuint)i);
                var (aLow, aHigh) = (Avx512BW.ConvertToVector512Int16(va.GetLower()), Avx512BW.ConvertToVector512Int16(va.GetUpper()));
                var (bLow, bHigh) = (Avx512BW.ConvertToVector512Int16(vb.GetLower()), Avx512BW.ConvertToVector512Int16(vb.GetUpper()));
                acc = Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(aLow, bLow));
                acc = Avx512F.Add(acc, Avx512BW.MultiplyAddAdjacent(aHigh, bHigh));
            }
            sum = Vector512.Sum(acc);
        }
        if (Avx2.IsSupported && length - i >= 32)
        {
            var acc = Vector256<int>.Zero;
            for (; i <= length - 32; i += 32)
            {
                var va = Vector256.LoadUnsafe(ref pa, (nuint)i);
                var vb = Vector256.LoadUnsafe(ref pb, (nuint)i);
                var (aLow, aHigh) = (Avx2.ConvertToVector256Int16(va.GetLower()), Avx2.ConvertToVector256Int16(va.GetUpper()));
                var (bLow, bHigh) = (Avx2.ConvertToVector256Int16(vb.GetLower()), Avx2.ConvertToVector256Int16(vb.GetUpper()));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aLow, bLow));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(aHigh, bHigh));
            }
            sum += Vector256.Sum(acc);
        }
        for (; i < length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Scales a unit vector into int8 (largest component to ±127); returns the factor that undoes it.</summary>
    /// <summary>
    /// The norms a bound on the int8 estimate's error needs: of the row as the int8 values give it
    /// back (scale × row) and of what the rounding left out (vector − scale × row).
    /// </summary>
    public static (float Quantized, float Residual) Norms(ReadOnlySpan<float> vector, ReadOnlySpan<sbyte> row, float scale)
    {
        double quantized = 0, residual = 0;
        for (var i = 0; i < vector.Length; i++)
        {
            var back = (double)scale * row[i];
            quantized += back * back;
            residual += (vector[i] - back) * (vector[i] - back);
        }
        return ((float)Math.Sqrt(quantized), (float)Math.Sqrt(residual));
    }

    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> target)
    {
        var max = 0f;
        foreach (var v in vector) max = Math.Max(max, Math.Abs(v));
        if (max == 0) { target.Clear(); return 0; }
        var scale = 127f / max;
        for (var i = 0; i < vector.Length; i++) target[i] = (sbyte)Math.Round(vector[i] * scale);
        return max / 127f;
    }
}
