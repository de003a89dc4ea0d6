/**
 * Deficiency reports (DRs): faults in a supported system raised from the tickets that found them, coordinated with
 * the system's cognizant authority from the directory, tracked to the release that fixes them. While a DR is open its
 * workaround is the known error for that system and version; when the fixing release ships every linked ticket's
 * customer and owner are told once; afterwards the desk can see whether the fix worked.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deficiency reports")
package org.tierdesk.deficiency;
