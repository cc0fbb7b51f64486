namespace Dunning.Endpoints.Cases;

/// <summary>A string that can be a case id at all: storage keys allow no '/', '\', '#', '?' or control characters,
/// so anything else names no case (404) rather than failing in storage.</summary>
public static class CaseIdFormat
{
    public static bool IsPlausible(string? caseId) =>
        !string.IsNullOrEmpty(caseId) && caseId.Length <= 255 && !caseId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?');
}
