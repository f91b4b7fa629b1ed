using System.Net;
using System.Net.Sockets;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>With <c>Email:Smtp:Host</c> set the outbox goes to that server; a server that cannot be reached leaves the email queued with its error.</summary>
public abstract class SmtpSenderTests(DatabaseProvider provider)
{
    [DatabaseFact]
    public async Task An_email_goes_out_through_the_configured_SMTP_server_for_the_kinds_named()
    {
        await using var smtp = new SmtpListener();
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var app = new GvcMatchApp(database.Database, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(),
            ["Email:From"] = "GvcMatch <notify@gvcmatch.test>",
            ["Email:Kinds"] = "message, offer",
            ["Email:LinkBaseUrl"] = "https://gvcmatch.test",
        });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);

        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.SavedSearch, "Saved search hits");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Message, "Two unread messages", "From Acme GmbH", "/Conversations/5");

        await SearchProbe.EventuallyAsync(() => Task.FromResult(NotificationMails(smtp).Any()), "the SMTP server receives the email");
        var mail = Assert.Single(NotificationMails(smtp));
        Assert.Equal([sme.Email], mail.To);
        Assert.Contains("notify@gvcmatch.test", mail.From);
        Assert.Equal("Two unread messages", mail.Header("Subject"));
        await SearchProbe.EventuallyAsync(async () => (await EmailsAsync(app)).Single().SentAt is not null, "the email is marked sent");
        // The saved-search kind is not in Email:Kinds: inbox only, no email.
        var emails = await EmailsAsync(app);
        Assert.Equal("Two unread messages", Assert.Single(emails).Subject);
        Assert.Contains("https://gvcmatch.test/Conversations/5", emails[0].TextBody);
        Assert.Equal(2, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == sme.Me.UserId)));
    }

    [DatabaseFact]
    public async Task An_unreachable_SMTP_server_leaves_the_email_unsent_with_its_error_and_a_later_retry()
    {
        await using var database = await ScratchDatabase.CreateAsync(provider);
        await using var app = new GvcMatchApp(database.Database, new Dictionary<string, string>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = ClosedPort().ToString(),
            ["Email:RetryDelay"] = "00:10:00",
        });
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var before = DateTimeOffset.UtcNow;

        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Offer, "Offer accepted");

        await SearchProbe.EventuallyAsync(async () => (await EmailsAsync(app)).Single().LastError is not null, "the failed send is recorded");
        var email = (await EmailsAsync(app)).Single();
        Assert.Null(email.SentAt);
        Assert.Equal(1, email.Attempts);
        Assert.Contains("Connection refused", email.LastError);
        Assert.True(email.NextAttemptAt > before.AddMinutes(9), $"retried after the delay, not at once (next attempt {email.NextAttemptAt:O})");
        // Not due yet, so another pass leaves it alone.
        await app.Services.GetRequiredService<EmailSender>().SendDueAsync(CancellationToken.None);
        Assert.Equal(1, (await EmailsAsync(app)).Single().Attempts);
    }

    /// <summary>The outbox without the welcome email every sign-up queues.</summary>
    private static Task<List<EmailOutboxEntry>> EmailsAsync(GvcMatchApp app) =>
        app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.Subject != AccountEmails.ConfirmEmailSubject).ToListAsync());

    private static IEnumerable<ReceivedMail> NotificationMails(SmtpListener smtp) =>
        smtp.Received.Where(m => m.Header("Subject") != AccountEmails.ConfirmEmailSubject);

    /// <summary>A port nothing listens on: taken from the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SmtpSenderTestsOnSqlite() : SmtpSenderTests(DatabaseProvider.Sqlite);

public sealed class SmtpSenderTestsOnPostgres() : SmtpSenderTests(DatabaseProvider.Postgres), IUsesPostgres;
