using GvcMatch.Search.Lucene;

namespace GvcMatch.Search.Tests;

/// <summary>The SIMD dot product of the vector scan is exact: the same integer as the plain loop, whatever the length.</summary>
public sealed class Int8DotTests
{
    [Theory]
    [InlineData(384)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(31)]
    [InlineData(1)]
    public void TheDotProductEqualsThePlainLoopForEveryLength(int length)
    {
        var random = new Random(length);
        for (var round = 0; round < 200; round++)
        {
            var a = new sbyte[length];
            var b = new sbyte[length];
            for (var i = 0; i < length; i++)
            {
                // Extremes included: -128 * -128 summed in pairs is where a 16-bit step would overflow.
                a[i] = round == 0 ? sbyte.MinValue : (sbyte)random.Next(-128, 128);
                b[i] = round == 0 ? sbyte.MinValue : (sbyte)random.Next(-128, 128);
            }
            var expected = 0;
            for (var i = 0; i < length; i++) expected += a[i] * b[i];
            Assert.Equal(expected, Int8Dot.Dot(a, b));
        }
    }
}
