namespace Dunning.Cli;

/// <summary>The service answered a call with an error; <see cref="Problem"/> says what it said.</summary>
public sealed class ServiceProblemException(ServiceProblem problem) : Exception(problem.Title)
{
    public ServiceProblem Problem { get; } = problem;
}
