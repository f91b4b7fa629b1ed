using GvcMatch.Web.Data;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Features.Email;

public static class EmailRegistration
{
    /// <summary>
    /// The outbox sender and its transport: SMTP when <c>Email:Smtp:Host</c> is set, otherwise the
    /// log file under the data folder (the embedded mode needs no mail server).
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        services.AddHttpContextAccessor();
        services.AddScoped<EmailLinks>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>();
            if (!string.IsNullOrWhiteSpace(options.Value.Smtp.Host)) return new SmtpMailTransport(options);
            var env = sp.GetRequiredService<IHostEnvironment>();
            var folder = sp.GetRequiredService<IOptions<DataFolderOptions>>().Value.Resolve(env.ContentRootPath);
            return new LogFileMailTransport(Path.Combine(folder, "mail", "outbox.log"), options, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<EmailSender>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailSender>());
        return services;
    }
}
