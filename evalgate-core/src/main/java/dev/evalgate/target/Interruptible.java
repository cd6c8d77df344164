package dev.evalgate.target;

/**
 * A target whose {@link Target#call} gives up promptly when its thread is interrupted (an HTTP call blocked on its
 * socket channel does: the channel is closed and {@code InterruptedException} thrown).
 *
 * <p>Such a target is called on the caller's own thread even with a timeout, and interrupted when the timeout passes
 * ({@link CallDeadline}). Any other target is called on a thread of its own, which the caller stops waiting for:
 * a worker blocked reading a pipe, or user code that ignores interrupts, must not hold the run past its timeout.
 */
public interface Interruptible {
}
