using GvcMatch.Web.Features.Notifications;

namespace GvcMatch.Web.Features.NotificationPreferences;

/// <summary>The words the preferences page shows for each notification kind and delivery.</summary>
public static class PreferenceLabels
{
    public static string Kind(string kind) => kind switch
    {
        NotificationKinds.Message => "New messages in a conversation",
        NotificationKinds.ConversationStarted => "Someone starts a conversation with you",
        NotificationKinds.Offer => "Offers made, countered, accepted or withdrawn",
        NotificationKinds.MatchingRequirement => "A new requirement matches your profile",
        NotificationKinds.SavedSearch => "New results for a saved search",
        NotificationKinds.EventReminder => "Reminders of your meetings at events",
        _ => kind,
    };

    public static string Delivery(Delivery delivery) => delivery switch
    {
        NotificationPreferences.Delivery.Immediately => "Email at once",
        NotificationPreferences.Delivery.DailyDigest => "Daily digest",
        NotificationPreferences.Delivery.WeeklyDigest => "Weekly digest (Mondays)",
        _ => "No email",
    };
}
