using System.Text.RegularExpressions;

namespace Dunning.Infra.Tests.Infrastructure;

/// <summary>Just enough of ARM's expression language to read Bicep's output: the branches of an <c>if()</c> and the
/// variables an expression names. Parameters are evaluated at deploy time, so the tests read both branches.</summary>
internal static partial class ArmExpression
{
    /// <summary>Splits <c>[if(condition, whenTrue, whenFalse)]</c> into its three arguments.</summary>
    public static (string Condition, string WhenTrue, string WhenFalse) If(string? expression)
    {
        var body = expression is ['[', .. var inner, ']'] ? inner : expression;
        Assert.True(body is not null && body.StartsWith("if(", StringComparison.Ordinal) && body.EndsWith(')'),
            $"Expected an if() expression, found: {expression}");
        var arguments = SplitArguments(body[3..^1]);
        Assert.True(arguments.Count == 3, $"Expected if() with three arguments, found: {expression}");
        return (arguments[0], arguments[1], arguments[2]);
    }

    /// <summary>The names in every <c>variables('name')</c> of the expression, in order.</summary>
    public static IReadOnlyList<string> VariablesNamed(string expression) =>
        VariableReference().Matches(expression).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The GUID literals in the expression.</summary>
    public static IReadOnlyList<string> Guids(string expression) =>
        Guid().Matches(expression).Select(m => m.Value.ToLowerInvariant()).ToList();

    // Commas at depth zero, outside string literals ('' inside a literal toggles twice, so it needs no special case).
    private static List<string> SplitArguments(string arguments)
    {
        var parts = new List<string>();
        var depth = 0;
        var inString = false;
        var start = 0;
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case '\'':
                    inString = !inString;
                    break;
                case '(' when !inString:
                    depth++;
                    break;
                case ')' when !inString:
                    depth--;
                    break;
                case ',' when !inString && depth == 0:
                    parts.Add(arguments[start..i].Trim());
                    start = i + 1;
                    break;
            }
        }

        parts.Add(arguments[start..].Trim());
        return parts;
    }

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
