using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GvcMatch.Web.Tests.Import;

public sealed class DemoDataTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheDemoFilesLoadWithoutASingleRejectedRow()
    {
        var folder = Path.Combine(RepoPaths.Seeds, "demo");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            output.WriteLine($"No demo files in {folder}; nothing to check.");
            return;
        }
        await using var host = await ImportTestHost.StartAsync();

        var report = await host.ImportAsync(files);

        Assert.True(report.Succeeded, string.Join(Environment.NewLine, report.FileErrors.Concat(report.Errors)));
        Assert.True(report.Organizations.Created > 0);
        Assert.True(report.Requirements.Created > 0);

        var again = await host.ImportAsync(files);
        Assert.True(again.Succeeded);
        Assert.All(again.Kinds, k => Assert.True(k.Counts.Created + k.Counts.Updated == 0, $"{k.Kind} changed on the second import"));
    }

    [Fact]
    public async Task TheSeederLoadsTheDemoDataOnlyIntoAnEmptyDatabase()
    {
        await using var host = await ImportTestHost.StartAsync();
        await host.ImportAsync("good.json");

        await host.SeedIfEmptyAsync();

        Assert.Equal(3, await host.QueryAsync(db => db.Organizations.CountAsync()));
    }
}
