namespace GvcMatch.Matching.Disclosures;

/// <summary>Checks a <see cref="CriterionKind.DisclosureProvided"/> criterion's parameters, each error keyed by its field.</summary>
public static class DisclosureCriterionRules
{
    public static void Validate(Criterion c, string at, Action<string, string> add)
    {
        if (c.Topic is not { } topic || !Enum.IsDefined(topic))
        {
            add($"{at}.topic", $"Give the topic: {string.Join(", ", Enum.GetNames<DisclosureTopic>())}.");
            return;
        }
        if (c.MinimumEvidence is { } level && !Enum.IsDefined(level))
            add($"{at}.minimumEvidence", "minimumEvidence is SelfDeclared, DocumentChecked, VerifiedByIntermediary or VerifiedByIssuer.");
        var direction = DisclosureTopics.Bound(topic);
        if (c.Minimum is not null && direction != BoundDirection.AtLeast)
            add($"{at}.minimum", direction == BoundDirection.AtMost
                ? $"{topic} is bounded from above: give maximum instead."
                : $"{topic} has no figure to bound.");
        if (c.Maximum is not null && direction != BoundDirection.AtMost)
            add($"{at}.maximum", direction == BoundDirection.AtLeast
                ? $"{topic} is bounded from below: give minimum instead."
                : $"{topic} has no figure to bound.");
        if (c.Minimum is < 0) add($"{at}.minimum", "A bound cannot be negative.");
        if (c.Maximum is < 0) add($"{at}.maximum", "A bound cannot be negative.");
        if (c.Minimum is > 100 && direction == BoundDirection.AtLeast)
            add($"{at}.minimum", topic == DisclosureTopic.Energy ? "A renewable share is at most 100 %." : "An audit score is at most 100.");
    }
}
