using System.Collections.Concurrent;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Web.Tests.Fuzz;

/// <summary>
/// The app on SQLite, keeping the exceptions the server logs so that a fuzzed request that ends
/// in a 500 can be reported with its cause, not only its status.
/// </summary>
public sealed class FuzzApp() : GvcMatchApp(TestDatabase.Sqlite()), IAsyncLifetime
{
    public ConcurrentQueue<string> ServerErrors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new ErrorCollector(ServerErrors)));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override Task OnDisposedAsync()
    {
        DeleteFolder(Database.DataFolder);
        return Task.CompletedTask;
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && IsEnabled(logLevel)) errors.Enqueue($"{exception.GetType().Name}: {exception.Message} {Where(exception)}");
        }

        /// <summary>The first frame in the app's own code, where the fix belongs.</summary>
        private static string Where(Exception e) =>
            e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("GvcMatch.", StringComparison.Ordinal)) ?? "(framework)";

        public void Dispose() { }
    }
}
