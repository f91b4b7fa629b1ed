using System.Text.Json;
using System.Text.RegularExpressions;
using GvcMatch.Web.Tests.Import;

namespace GvcMatch.Web.Tests.Security;

/// <summary>The demo accounts have published passwords: only the embedded `dotnet run` loads them by default.</summary>
public sealed partial class ComposeDefaultsTests
{
    [Fact]
    public void TheComposeStackStartsWithoutDemoDataUnlessAsked()
    {
        var compose = File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));
        var seed = SeedSetting().Match(compose);
        Assert.True(seed.Success, "docker-compose.yml no longer sets Database__SeedDemoData.");
        Assert.Equal("false", seed.Groups["default"].Value);
    }

    [Fact]
    public void TheScaleOutSetupServiceMigratesWithoutSeedingByDefault()
    {
        var scale = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "docker-compose.scale.yml"));
        Assert.Contains("${SETUP_COMMAND:-migrate}", scale, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEmbeddedDefaultStillLoadsTheDemo()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "GvcMatch.Web", "appsettings.json")));
        Assert.True(settings.RootElement.GetProperty("Database").GetProperty("SeedDemoData").GetBoolean());
    }

    [GeneratedRegex("""Database__SeedDemoData:\s*"?\$\{SEED_DEMO_DATA:-(?<default>\w+)\}"?""")]
    private static partial Regex SeedSetting();
}
