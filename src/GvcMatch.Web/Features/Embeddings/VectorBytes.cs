using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace GvcMatch.Web.Features.Embeddings;

/// <summary>How vectors and text hashes are stored: the same bytes on SQLite and PostgreSQL.</summary>
public static class VectorBytes
{
    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector).ToArray();
        if (!BitConverter.IsLittleEndian) ReverseEach(bytes);
        return bytes;
    }

    public static float[] ToVector(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0) throw new InvalidDataException($"A stored vector has {bytes.Length} bytes, not a multiple of 4.");
        if (!BitConverter.IsLittleEndian)
        {
            bytes = (byte[])bytes.Clone();
            ReverseEach(bytes);
        }
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void ReverseEach(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length; i += sizeof(float)) Array.Reverse(bytes, i, sizeof(float));
    }
}
