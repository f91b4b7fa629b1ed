using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>
/// Each notification also queues an email in the same save, and in the embedded mode (no SMTP
/// host) the sender appends it to the data folder's mail log and marks it sent.
/// </summary>
public abstract class NotificationEmailTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_notification_leaves_an_inbox_entry_and_an_email_for_each_person()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var mne = await app.SignUpAsync(OrganizationKind.Mne);
        var title = "Offer countered " + Guid.NewGuid().ToString("N");

        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([sme.Me.UserId, mne.Me.UserId, sme.Me.UserId],
                NotificationKinds.Offer, title, "New terms: 10 EUR a piece.", "/Conversations/7");

        var notes = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Title == title).ToListAsync());
        Assert.Equal(new[] { mne.Me.UserId, sme.Me.UserId }.Order(), notes.Select(n => n.UserId).Order());
        var emails = await EmailsAsync(title);
        Assert.Equal(new[] { mne.Email, sme.Email }.Order(), emails.Select(e => e.To).Order());
        Assert.All(emails, e =>
        {
            Assert.Equal(title, e.Subject);
            Assert.Contains("New terms: 10 EUR a piece.", e.TextBody);
            Assert.Contains("/Conversations/7", e.TextBody);
        });
    }

    [DatabaseFact]
    public async Task The_log_sender_appends_the_email_to_the_mail_log_and_marks_it_sent()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var title = "New message " + Guid.NewGuid().ToString("N");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Message, title, "2 unread messages", "/Conversations/3");

        var log = Path.Combine(app.Database.DataFolder, "mail", "outbox.log");
        await SearchProbe.EventuallyAsync(async () => (await EmailsAsync(title)).Single().SentAt is not null, "the sender marks the email sent");
        var email = (await EmailsAsync(title)).Single();
        Assert.Equal(1, email.Attempts);
        Assert.Null(email.NextAttemptAt);
        Assert.Null(email.LastError);
        var text = await File.ReadAllTextAsync(log);
        Assert.Contains($"To: {sme.Email}\nSubject: {title}\n", text);
        Assert.Contains("2 unread messages", text);
        // Sent once: a later pass does not write it again.
        await app.Services.GetRequiredService<EmailSender>().SendDueAsync(CancellationToken.None);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(log), "Subject: " + title));
    }

    [DatabaseFact]
    public async Task Staged_notifications_are_stored_only_when_the_callers_transaction_commits()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var rolledBack = "Rolled back " + Guid.NewGuid().ToString("N");
        var committed = "Committed " + Guid.NewGuid().ToString("N");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var staged = await notifier.StageAsync(db, [sme.Me.UserId], NotificationKinds.SavedSearch, rolledBack, null, "/Search/Suppliers");
                Assert.Equal(1, staged.Count);
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            db.ChangeTracker.Clear();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var staged = await notifier.StageAsync(db, [sme.Me.UserId], NotificationKinds.SavedSearch, committed, null, "/Search/Suppliers");
                await db.SaveChangesAsync();
                await tx.CommitAsync();
                await notifier.PushAsync(staged);
            }
        }

        var titles = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == sme.Me.UserId).Select(n => n.Title).ToListAsync());
        Assert.Equal([committed], titles);
        Assert.Empty(await EmailsAsync(rolledBack));
        Assert.Single(await EmailsAsync(committed));
    }

    private Task<List<EmailOutboxEntry>> EmailsAsync(string subject) =>
        app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.Subject == subject).ToListAsync());
}

public sealed class NotificationEmailTestsOnSqlite(SqliteApp app) : NotificationEmailTests(app), IClassFixture<SqliteApp>;

public sealed class NotificationEmailTestsOnPostgres(PostgresApp app) : NotificationEmailTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
