//! Background work that must not slow searches down: the thread that embeds openings asks the
//! scheduler to run it only when nothing else wants the processor.

/// Lowers the calling thread's scheduling priority to the lowest (nice 19). On Linux, priority
/// is per thread, so the rest of the process is untouched; elsewhere this does nothing.
pub fn lower_this_thread() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `setpriority` reads its three integer arguments only; `who` 0 with
        // `PRIO_PROCESS` names the calling thread on Linux.
        #[allow(unsafe_code)]
        let result = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, 19) };
        if result != 0 {
            tracing::debug!(error = %std::io::Error::last_os_error(), "could not lower the embedder's priority");
        }
    }
}
