using System.Text;
using GvcMatch.Web.Features.Import;

namespace GvcMatch.Web.Tests.Import;

public sealed class SeedFileReaderTests
{
    [Fact]
    public void EachElementIsReportedWithTheLineItStartsOn()
    {
        var file = Read("good.json");

        Assert.Null(file.FileError);
        Assert.Equal(RepoPaths.LineOf("good.json", "\"key\": \"sme-test-alpha-castings\"") - 1, file.Organizations[0].Line);
        Assert.Equal(RepoPaths.LineOf("good.json", "\"key\": \"req-test-omega-closed\"") - 1, file.Requirements[2].Line);
        Assert.Equal(3, file.Organizations.Count);
        Assert.Equal(2, file.Users.Count);
    }

    [Fact]
    public void AnUnknownTopLevelPropertyIsNamedAndTheKnownArraysStillLoad()
    {
        var file = Read("unknown-top.json");

        var error = Assert.Single(file.Errors, e => e.Field == "organisations");
        Assert.Equal(2, error.Line);
        Assert.Contains("Unknown top-level property 'organisations'", error.Message);
        Assert.Empty(file.Organizations);
    }

    [Fact]
    public void AnUnknownFieldInAnElementIsRejectedWithItsName()
    {
        var file = Read("unknown-top.json");

        var error = Assert.Single(file.Errors, e => e.Field == "phone");
        Assert.Equal("Unknown field 'phone'.", error.Message);
        Assert.Equal(RepoPaths.LineOf("unknown-top.json", "member@alpha-castings") - 1, error.Line);
        Assert.Equal(1, file.Malformed["users"]);
    }

    [Fact]
    public void AnEnumValueOutsideTheListNamesTheAllowedValues()
    {
        var json = "{\n  \"organizations\": [\n    { \"key\": \"a\", \"kind\": \"Startup\" }\n  ]\n}";
        var file = SeedFileReader.Read("inline.json", Encoding.UTF8.GetBytes(json));

        var error = Assert.Single(file.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("kind", error.Field);
        Assert.Equal("Expected one of Sme, Mne, Intermediary.", error.Message);
    }

    [Fact]
    public void ASyntaxErrorFailsTheWholeFileAtItsLine()
    {
        var file = Read("broken.json");

        Assert.NotNull(file.FileError);
        Assert.Equal(RepoPaths.LineOf("broken.json", "\"country\": \"PL\""), file.FileError.Line);
        Assert.Equal(0, file.RowCount);
    }

    [Fact]
    public void AByteOrderMarkAndCommentsAreAccepted()
    {
        var json = "\uFEFF{\n  // demo users\n  \"users\": [\n    { \"email\": \"a@b.example\", \"password\": \"x\" },\n  ]\n}";
        var file = SeedFileReader.Read("bom.json", Encoding.UTF8.GetBytes(json));

        Assert.Null(file.FileError);
        Assert.Equal(4, Assert.Single(file.Users).Line);
    }

    private static SeedFile Read(string fixture) => SeedFileReader.Read(fixture, File.ReadAllBytes(RepoPaths.Fixture(fixture)));
}
