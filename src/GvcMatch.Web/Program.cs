using GvcMatch.Web;
using GvcMatch.Web.Commands;
using GvcMatch.Web.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddGvcMatch();

var app = builder.Build();

// `dotnet run -- migrate | seed | import FILE...` run a command against the configured database and exit.
if (CommandLine.TryGetCommand(args, out var command))
{
    return await CommandLine.RunAsync(app, command, args);
}

await app.PrepareDatabaseAsync();
app.UseGvcMatch();
await app.RunAsync();
return 0;
