using System.Text.RegularExpressions;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>The account emails in the outbox.</summary>
public static partial class AuthEmails
{
    public static async Task<EmailOutboxEntry> SingleAsync(GvcMatchApp app, string to, string subject) =>
        Assert.Single(await ToAsync(app, to, subject));

    public static Task<List<EmailOutboxEntry>> ToAsync(GvcMatchApp app, string to, string subject) =>
        app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.To == to && e.Subject == subject).ToListAsync());

    /// <summary>The first link in <paramref name="body"/> that starts with <paramref name="path"/>.</summary>
    public static string Link(string body, string path)
    {
        var match = Regex.Match(body, Regex.Escape(path) + "[^\\s]*");
        Assert.True(match.Success, $"No link to {path} in: {body}");
        return match.Value;
    }
}
