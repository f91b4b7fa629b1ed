using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;

namespace GvcMatch.Benchmarks.Negotiation;

/// <summary>
/// Bearer tokens for the benchmark users, logged in through <c>/api/auth/login</c> a few at a time
/// and kept in a file beside the data while they are valid: a thousand password checks take most
/// of a minute on two cores and are not what the run measures.
/// </summary>
public static class BenchTokens
{
    private sealed record Cached(string Token, DateTimeOffset ExpiresAt);

    public static async Task<Dictionary<string, string>> GetAsync(Uri app, string cacheFile, IReadOnlyList<string> emails, string password)
    {
        var cache = File.Exists(cacheFile)
            ? JsonSerializer.Deserialize<Dictionary<string, Cached>>(await File.ReadAllTextAsync(cacheFile)) ?? []
            : [];
        var fresh = new ConcurrentDictionary<string, Cached>(cache.Where(c => c.Value.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(15)));
        var missing = emails.Where(e => !fresh.ContainsKey(e)).ToList();
        if (missing.Count > 0)
        {
            Console.WriteLine($"  logging in {missing.Count:N0} users (tokens are cached in {cacheFile})");
            using var client = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(60) };
            var done = 0;
            await Parallel.ForEachAsync(missing, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (email, ct) =>
            {
                using var response = await client.PostAsJsonAsync("api/auth/login", new { email, password }, ct);
                response.EnsureSuccessStatusCode();
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                var token = body.RootElement.GetProperty("accessToken").GetString()!;
                var expiresIn = body.RootElement.GetProperty("expiresIn").GetInt32();
                fresh[email] = new Cached(token, DateTimeOffset.UtcNow.AddSeconds(expiresIn));
                if (Interlocked.Increment(ref done) % 100 == 0) Console.WriteLine($"  {done:N0}/{missing.Count:N0} logged in");
            });
            await File.WriteAllTextAsync(cacheFile, JsonSerializer.Serialize(fresh));
        }
        return emails.ToDictionary(e => e, e => fresh[e].Token);
    }
}
