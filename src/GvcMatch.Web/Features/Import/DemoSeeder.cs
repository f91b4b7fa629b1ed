namespace GvcMatch.Web.Features.Import;

// Placeholder replaced by the import feature.
public sealed class DemoSeeder
{
    public Task SeedIfEmptyAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class ImportCommand
{
    public static Task<int> SeedAsync(IServiceProvider services, CancellationToken ct) => Task.FromResult(0);
    public static Task<int> ImportAsync(IServiceProvider services, string[] files, CancellationToken ct) => Task.FromResult(0);
}
