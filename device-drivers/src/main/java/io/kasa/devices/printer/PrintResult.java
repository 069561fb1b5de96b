package io.kasa.devices.printer;

import io.kasa.devices.DeviceException;
import java.util.UUID;

/**
 * How a job ended.
 *
 * @param jobId the job
 * @param printed whether all its bytes reached the printer
 * @param failure why it failed, or null
 * @param message a plain sentence for the cashier or technician
 * @param attempts how many times the bytes were sent (more than one after an unplug mid-job)
 */
public record PrintResult(
    UUID jobId, boolean printed, DeviceException.Kind failure, String message, int attempts) {}
