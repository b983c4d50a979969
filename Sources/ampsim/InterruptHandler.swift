import AMPSim
import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C) into exit status 130 once any results being written are complete.
///
/// Guarantees: after `install`, SIGINT no longer kills the process outright: the handler waits for
/// the `OutputGuard`'s write in progress (so committed result sets stay whole), removes the empty
/// folders runs created, says so on standard error and exits with 130. Keep the returned source.
enum InterruptHandler {
    static func install(_ outputGuard: OutputGuard) -> DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            outputGuard.interrupt()
            StandardError.write("interrupted: results written before the interrupt are kept; the run in progress wrote nothing\n")
            exit(130)
        }
        source.resume()
        return source
    }
}
