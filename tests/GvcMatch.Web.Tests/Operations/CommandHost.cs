using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace GvcMatch.Web.Tests.Operations;

/// <summary>
/// The app built as Program.cs builds it for a command (configured, never started), on a data
/// folder of the test's choosing, with the test settings <see cref="GvcMatchApp"/> uses.
/// </summary>
public sealed class CommandHost : IAsyncDisposable
{
    private CommandHost(WebApplication app, string dataFolder)
    {
        App = app;
        DataFolder = dataFolder;
    }

    public WebApplication App { get; }

    public string DataFolder { get; }

    public IServiceProvider Services => App.Services;

    public static CommandHost For(string dataFolder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            Args =
            [
                $"--Data:Folder={dataFolder}",
                "--Database:Provider=Sqlite",
                "--Database:SeedDemoData=false",
                "--Logging:LogLevel:Default=Warning",
            ],
        });
        builder.AddGvcMatch();
        return new CommandHost(builder.Build(), dataFolder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
