namespace GvcMatch.Documents.Tests;

public sealed class DeliveryFingerprintTests
{
    [Fact]
    public void A_fingerprint_reads_back_from_its_printed_form()
    {
        for (var i = 0; i < 200; i++)
        {
            var f = DeliveryFingerprint.New();
            Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", f.ToString());
            Assert.True(DeliveryFingerprint.TryParse(f.ToString(), out var back));
            Assert.Equal(f, back);
        }
    }

    [Theory]
    [InlineData("7k2qx-m9d4a")]
    [InlineData("7K2QXM9D4A")]
    [InlineData(" 7K2QX M9D4A ")]
    public void A_code_typed_from_a_leaked_copy_is_read_as_people_type_it(string typed)
    {
        Assert.True(DeliveryFingerprint.TryParse(typed, out var f));
        Assert.Equal("7K2QX-M9D4A", f.ToString());
        Assert.True(DeliveryFingerprint.TryParse("OOOOO-IIIII", out var lookalikes));
        Assert.Equal("00000-11111", lookalikes.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7K2QX-M9D4")]
    [InlineData("7K2QX-M9D4AB")]
    [InlineData("7K2QX-M9D4U")]
    public void Anything_else_is_not_a_fingerprint(string? typed) => Assert.False(DeliveryFingerprint.TryParse(typed, out _));
}
