using System;
using System.Threading;
using System.Threading.Tasks;

namespace ContactRules.Internal;

/// <summary>
/// The asynchronous form of a store operation that never waits (memory): the token is looked at
/// once, before the operation, and a failure comes back in the task, as from a truly
/// asynchronous store.
/// </summary>
internal static class CompletedTasks
{
    internal static Task<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(operation());
        }
        catch (Exception failure)
        {
            return Task.FromException<T>(failure);
        }
    }

    internal static Task Run(Action operation, CancellationToken cancellationToken)
        => Run(
            () =>
            {
                operation();
                return true;
            },
            cancellationToken);
}
