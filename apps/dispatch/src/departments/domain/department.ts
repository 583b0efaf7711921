/** The desk's copy of one of identity's departments, to check the departments rules and decisions name. */
export interface Department {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  active: boolean;
}
