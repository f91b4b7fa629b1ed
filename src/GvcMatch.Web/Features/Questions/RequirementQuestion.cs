namespace GvcMatch.Web.Features.Questions;

/// <summary>
/// A bidder's question about a published requirement and the buyer's answer. Every signed-in SME
/// sees the question and answer; who asked is known only to the buyer and the asker.
/// </summary>
public sealed class RequirementQuestion
{
    public int Id { get; set; }
    public int RequirementId { get; set; }
    public int AskedByOrganizationId { get; set; }
    public required string AskedByUserId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset AskedAt { get; set; }

    public string? Answer { get; set; }
    public string? AnsweredByUserId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
}

public static class QuestionLimits
{
    public const int Text = 2000;
    public const int Answer = 4000;
}
